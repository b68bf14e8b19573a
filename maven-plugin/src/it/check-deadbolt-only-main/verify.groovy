import com.google.gson.JsonParser

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def log = runs[0]
assert log.contains('Deadbolt: 1 finding in check-deadbolt-only-main: 1 new, 0 in the baseline, 0 suppressed')
assert log =~ /src\/main\/java\/com\/acme\/only\/Relay\.java:7 \[new\] `lock` is held across a blocking call/
// Error Prone's own checks are off (FormatString would have been an error), and tests compile as before.
assert !log.contains('[FormatString]')
assert !log.contains('RelayDriver')
assert new File(basedir, 'target/test-classes/com/acme/only/RelayDriver.class').exists()
assert log.contains('BUILD FAILURE')

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']

def analyze = runs[1]
assert analyze.contains('BUILD SUCCESS')
assert analyze.contains("Deadbolt: left out the module's compiler argument -Xplugin:ErrorProne -XepDisableAllChecks")
assert analyze.contains('Deadbolt: compiling 1 main source file(s) as default-compile with Error Prone in-process')
assert analyze =~ /src\/main\/java\/com\/acme\/only\/Relay\.java:7 \[new\] `lock` is held across a blocking call/
assert !analyze.contains('[FormatString]')
return true
