import com.google.gson.JsonParser
import dev.deadbolt.maven.SarifSchema

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5

// 1. New finding fails the build.
assert runs[0].contains('Deadbolt: 3 findings in baseline-lifecycle: 1 new, 0 in the baseline, 2 suppressed')
// One finding per lock region, at the acquisition: the synchronized method.
assert runs[0] =~ /src\/original\/java\/com\/acme\/Inventory\.java:6 \[new\] `this` is held across a blocking call: `Thread\.sleep\(\)` sleeps the thread \(line 7\)/
assert runs[0].contains('Deadbolt: 1 finding is not in the baseline deadbolt-baseline.json')
assert runs[0].contains('BUILD FAILURE')

// 2. Baseline written.
assert runs[1].contains('Deadbolt: wrote deadbolt-baseline.json with 1 finding')

// 3. Fixed: passes, one stale entry.
assert runs[2].contains('Deadbolt: 2 findings in baseline-lifecycle: 0 new, 0 in the baseline, 2 suppressed')
assert runs[2].contains('Deadbolt: 1 baseline entry is stale (the finding is gone); run mvn deadbolt:baseline to drop it:')
assert runs[2].contains('BUILD SUCCESS')

// 4. Moved down the file: still accepted.
assert runs[3].contains('Deadbolt: 3 findings in baseline-lifecycle: 0 new, 1 in the baseline, 2 suppressed')
// The accepted finding is counted, not printed again; the HTML report has it.
assert !runs[3].contains('[baseline]') && !runs[3].contains('Inventory.java:11')
def page = new File(basedir, 'target/deadbolt/index.html').text
assert page.findAll(/<article class="finding state-baseline"/).size() == 1
assert page.findAll(/<article class="finding state-suppressed"/).size() == 2
assert runs[3].contains('BUILD SUCCESS')

// 5. Re-baselined after the fix: the entry dropped out.
assert runs[4].contains('Deadbolt: wrote deadbolt-baseline.json with 0 findings; dropped 1 stale entry')
def baseline = JsonParser.parseString(new File(basedir, 'deadbolt-baseline.json').text).asJsonObject
assert baseline.get('format').asString == 'deadbolt-baseline'
assert baseline.getAsJsonArray('findings').size() == 0

// The SARIF of step 4: valid 2.1.0, rules with docs links, relative paths, fingerprints, suppressions.
def sarifFile = new File(basedir, 'target/deadbolt/deadbolt.sarif')
SarifSchema.assertValid(sarifFile.toPath())
def run = JsonParser.parseString(sarifFile.text).asJsonObject.getAsJsonArray('runs')[0].asJsonObject
def rules = run.getAsJsonObject('tool').getAsJsonObject('driver').getAsJsonArray('rules').collect { it.asJsonObject }
def rule = rules.find { it.get('id').asString == 'BlockingCallUnderLock' }
assert rule.get('helpUri').asString.endsWith('/docs/checks/BlockingCallUnderLock.md')
def results = run.getAsJsonArray('results').collect { it.asJsonObject }
assert results.size() == 3
def accepted = results.find { !it.has('suppressions') }
assert accepted.get('ruleId').asString == 'BlockingCallUnderLock'
assert accepted.get('baselineState').asString == 'unchanged'
def location = accepted.getAsJsonArray('locations')[0].asJsonObject.getAsJsonObject('physicalLocation')
def uri = location.getAsJsonObject('artifactLocation').get('uri').asString
assert !uri.startsWith('/') && !uri.contains(':') && uri.endsWith('src/moved/java/com/acme/Inventory.java')
assert location.getAsJsonObject('region').get('startLine').asInt == 11
// The blocking call inside the region is a related location.
def related = accepted.getAsJsonArray('relatedLocations').collect { it.asJsonObject }
assert related.size() == 1
assert related[0].getAsJsonObject('physicalLocation').getAsJsonObject('region').get('startLine').asInt == 12
assert related[0].getAsJsonObject('message').get('text').asString == '`Thread.sleep()` sleeps the thread'
assert accepted.getAsJsonObject('partialFingerprints').get('deadbolt/v1').asString ==~ /[0-9a-f]{32}/
def justifications = results.findAll { it.has('suppressions') }.collect {
  it.getAsJsonArray('suppressions')[0].asJsonObject.get('justification').asString
}.sort()
assert justifications == ['only this poller\'s thread ever takes the lock',
                          'the intake rate limiter admits at most 200 requests a second']
return true
