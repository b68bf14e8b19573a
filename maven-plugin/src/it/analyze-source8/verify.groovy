import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3

assert runs[0].contains('BUILD SUCCESS')
assert runs[0].contains('Deadbolt: compiling 1 main source file(s) as default-compile with Error Prone in a forked javac')
assert runs[0] =~ /src\/main\/java\/com\/acme\/net\/KeepAlive\.java:11 \[new\] `lock` is held across a blocking call/
assert !runs[0].contains('does not compile')

assert runs[1].contains('Deadbolt: bad deadbolt.errorProneArgs: Deadbolt: bad -XepOpt:Deadbolt:RuntimeJdk')
assert runs[2].contains('Deadbolt: bad deadbolt.errorProneArgs argument -Xep:BlockingCallUnderLok: no Deadbolt or Error Prone check is named BlockingCallUnderLok')
[runs[1], runs[2]].each { run ->
  assert run.contains('BUILD FAILURE')
  assert !run.contains('Deadbolt: compiling')
}

def results = JsonParser.parseString(new File(basedir, 'target/deadbolt/deadbolt.sarif').text).asJsonObject
    .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString } == ['BlockingCallUnderLock']
return true
