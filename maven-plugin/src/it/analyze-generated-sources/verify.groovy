import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Deadbolt: compiling 3 main source file(s) as default-compile with Error Prone')
assert log =~ /src\/main\/java\/com\/acme\/gen\/Announcer\.java:7 \[new\] `lock` is held across a blocking call/

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']
assert new File(basedir, 'target/deadbolt/analyze-classes/com/acme/gen/Version.class').exists()
// The module's own compile generated AutoValue_Release; analyze generated it again in its own directory.
assert new File(basedir, 'target/generated-sources/annotations/com/acme/gen/AutoValue_Release.java').exists()
assert new File(basedir, 'target/deadbolt/analyze-classes-generated-sources/com/acme/gen/AutoValue_Release.java').exists()
assert new File(basedir, 'target/deadbolt/analyze-classes/com/acme/gen/AutoValue_Release.class').exists()
return true
