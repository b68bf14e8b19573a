import com.google.gson.JsonParser

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
runs.each { run ->
  assert run.contains('BUILD SUCCESS')
  assert run.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
  assert run =~ /lib\/src\/main\/java\/com\/acme\/lib\/Throttle\.java:7 \[new\] `lock` is held across a blocking call/
  assert run =~ /app\/src\/main\/java\/com\/acme\/app\/Worker\.java:10 \[new\] `lock` is held across a blocking call/
}
assert !runs[0].contains('WorkerDriver')
assert runs[1].contains('Deadbolt: compiling 1 test source file(s) as default-testCompile')
assert runs[1] =~ /app\/src\/test\/java\/com\/acme\/app\/WorkerDriver\.java:7 \[new\] `lock` and `Worker.lock` \(taken on the way\) are held across 2 blocking calls: `Worker.work\(\) -> Thread.sleep\(\)`/

def rules = { module ->
  JsonParser.parseString(new File(basedir, "$module/target/deadbolt/deadbolt.sarif").text).asJsonObject
      .getAsJsonArray('runs')[0].asJsonObject.getAsJsonArray('results').collect { it.asJsonObject.get('ruleId').asString }
}
assert rules('lib') == ['BlockingCallUnderLock']
// The last run included app's tests: its own finding and the test's.
assert rules('app') == ['BlockingCallUnderLock', 'BlockingCallUnderLock']
return true
