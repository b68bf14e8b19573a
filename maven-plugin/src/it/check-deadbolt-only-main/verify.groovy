import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
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
return true
