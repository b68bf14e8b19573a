import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Deadbolt: compiling 2 main source file(s) as default-compile with Error Prone in-process')
assert log =~ /src\/main\/java\/com\/acme\/lombok\/Ledger\.java:10 \[new\] `lock` is held across a blocking call: `Thread\.sleep\(\)` sleeps the thread/

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']
// Lombok ran in the scratch compile: the getter it writes is in the analyzed class.
assert new File(basedir, 'target/deadbolt/analyze-classes/com/acme/lombok/Account.class').text.contains('getBalance')
return true
