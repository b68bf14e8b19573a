import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Deadbolt: compiling 2 main source file(s) as default-compile (a named module) with Error Prone in a forked javac')
assert log =~ /src\/main\/java\/com\/acme\/jpms\/Heartbeat\.java:11 \[new\] `lock` is held across a blocking call: `Thread\.sleep\(\)` sleeps the thread/

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']
assert new File(basedir, 'target/deadbolt/analyze-classes/module-info.class').exists()
return true
