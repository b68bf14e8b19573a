import com.google.gson.JsonParser
import dev.deadbolt.maven.ReportInBrowser
import dev.deadbolt.maven.SarifSchema
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3

def cycle = '`com.acme.core.Ledger.accounts` is acquired while `com.acme.core.Ledger.journal` is held,' +
    ' but Ledger.post() (Ledger.java:10, module core) acquires them in the opposite order'
assert runs[0].contains(cycle)
// app's own compile found it too, from core's summaries in its jar; check reports it once (below).
assert runs[0] =~ /Reconciler\.java:\[14,\d+\] \[LockOrderInversion\] `Ledger\.accounts` is acquired while `Ledger\.journal` is held, but Ledger\.post\(\) \(Ledger\.java:10\) acquires them in the opposite order/
assert runs[0] =~ /app\/src\/main\/java\/com\/acme\/app\/Reconciler\.java:14 \[new\]/
assert runs[0].contains('Deadbolt: 1 finding is not in the baseline')
assert runs[0].contains('BUILD FAILURE')
assert runs[2].contains('MultiThreadedBuilder') && runs[2].contains('thread count of 2')

// The serial and the parallel build write the same reports.
['core', 'app', 'audit'].each { module ->
  def serial = new File(basedir, "${module}/serial/deadbolt/deadbolt.sarif")
  def parallel = new File(basedir, "${module}/parallel/deadbolt/deadbolt.sarif")
  SarifSchema.assertValid(serial.toPath())
  assert serial.text == parallel.text : "${module}: -T 2 wrote a different report"
}
def results = { module ->
  def sarif = new File(basedir, "${module}/serial/deadbolt/deadbolt.sarif")
  JsonParser.parseString(sarif.text).asJsonObject.getAsJsonArray('runs')[0].asJsonObject
      .getAsJsonArray('results').collect { it.asJsonObject }
}
assert results('core').isEmpty()
assert results('audit').isEmpty()
def app = results('app')
assert app.size() == 1
assert app[0].get('ruleId').asString == 'LockOrderInversion'
assert app[0].getAsJsonObject('message').get('text').asString.startsWith(cycle)
def related = app[0].getAsJsonArray('relatedLocations')[0].asJsonObject.getAsJsonObject('physicalLocation')
assert related.getAsJsonObject('artifactLocation').get('uri').asString.endsWith('core/src/main/java/com/acme/core/Ledger.java')

// app's HTML report, as a reader opens it: the two ledger locks, core's order and app's, both in red.
def screenshot = new File(basedir, 'report-screenshot.png')
def page = ReportInBrowser.check(new File(basedir, 'app/serial/deadbolt/index.html').toPath(), screenshot.toPath())
assert page.findings() == 1
assert page.locks() == ['com.acme.core.Ledger.accounts', 'com.acme.core.Ledger.journal'] as TreeSet
assert page.flaggedEdges() == ['com.acme.core.Ledger.accounts -> com.acme.core.Ledger.journal',
                               'com.acme.core.Ledger.journal -> com.acme.core.Ledger.accounts'] as TreeSet
assert page.violations().isEmpty()
assert Files.size(screenshot.toPath()) > 10_000
return true
