import com.google.gson.JsonParser
import dev.deadbolt.maven.SarifSchema

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2

assert runs[0].contains('with Error Prone in a forked javac')
assert runs[1].contains('with Error Prone in-process')
runs.each { run ->
  assert run.contains('Deadbolt: 3 findings in analyze-without-errorprone: 2 new, 0 in the baseline, 1 suppressed')
  assert run =~ /src\/main\/java\/com\/acme\/Intake\.java:8 \[new\] A LinkedBlockingQueue with no capacity grows without bound/
  // One finding for the synchronized method, which says it also pins (compiled for 21).
  assert run =~ /src\/main\/java\/com\/acme\/Intake\.java:13 \[new\] `this` is held across a blocking call: `Thread\.sleep\(\)` sleeps the thread \(line 14\); it also pins a virtual thread's carrier thread on JDK 21-23/
}
assert runs[0].contains('Deadbolt: 2 findings are not in the baseline')
assert runs[0].contains('BUILD FAILURE')
assert runs[1].contains('BUILD SUCCESS')

// The module's own output is untouched: the classes went to a scratch directory.
assert !new File(basedir, 'target/classes').exists()
assert new File(basedir, 'target/deadbolt/analyze-classes/com/acme/Intake.class').exists()

def sarif = new File(basedir, 'target/deadbolt/deadbolt.sarif')
SarifSchema.assertValid(sarif.toPath())
def results = JsonParser.parseString(sarif.text).asJsonObject.getAsJsonArray('runs')[0].asJsonObject
    .getAsJsonArray('results').collect { it.asJsonObject }
assert results.collect { it.get('ruleId').asString }.sort() ==
    ['BlockingCallUnderLock', 'UnboundedQueue', 'UnboundedQueue']
def suppressed = results.find { it.has('suppressions') }
assert suppressed.getAsJsonArray('suppressions')[0].asJsonObject.get('justification').asString ==
    'the gateway admits at most 50 uploads at a time'
return true
