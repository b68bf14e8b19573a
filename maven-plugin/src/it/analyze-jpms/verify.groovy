import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Deadbolt: compiling 2 main source file(s) as default-compile (a named module) with Error Prone in a forked javac')
assert log =~ /src\/main\/java\/com\/acme\/jpms\/Heartbeat\.java:11 \[new\] `lock` is held across a blocking call: `Thread\.sleep\(\)` sleeps the thread/

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']
assert new File(basedir, 'target/deadbolt/analyze-classes/module-info.class').exists()

// The forked javac's arguments: the dependency on the module path, Error Prone and the checks on the
// processor path without the plugin's report libraries.
def args = new File(basedir, 'target/deadbolt/analyze-work/javac.args').readLines()
def after = { option -> args[args.indexOf('"' + option + '"') + 1] }
assert after('--module-path').contains('slf4j-api-2.0.17.jar')
def processorPath = after('-processorpath')
assert processorPath.contains('error_prone_core') && processorPath.contains('deadbolt-checks')
assert !processorPath.contains('gson') && !processorPath.contains('org.eclipse.elk')
assert args.contains('"--release"') && args.contains('"17"')
return true
