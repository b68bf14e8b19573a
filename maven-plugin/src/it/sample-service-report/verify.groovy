import com.google.gson.JsonParser
import dev.deadbolt.maven.ReportInBrowser
import dev.deadbolt.maven.SarifSchema
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3

// 1. deadbolt:report writes the page and passes, though every finding is new.
assert runs[0] =~ /Deadbolt: \d+ findings in sample-service-report \(\d+ new\); report written to .*index\.html/
assert runs[0].contains('BUILD SUCCESS')

// 3. check prints the one new finding and counts the rest, which the report holds.
assert runs[2] =~ /Deadbolt: \d+ findings in sample-service-report: 1 new, \d+ in the baseline, 1 suppressed/
assert runs[2] =~ /src\/added\/java\/com\/example\/orders\/RefundDesk\.java:8 \[new\] /
assert !runs[2].contains('[baseline]') && !runs[2].contains('suppressed by')
assert runs[2].findAll(/(?m)^\[WARNING\] +\S+\.java:\d+ \[/).size() == 1
assert runs[2].contains('Deadbolt: every finding, with its source and the lock-order graph, is in')
assert runs[2].contains('BUILD FAILURE')

def reports = new File(basedir, 'target/deadbolt')
def sarif = new File(reports, 'deadbolt.sarif')
SarifSchema.assertValid(sarif.toPath())
def results = JsonParser.parseString(sarif.text).asJsonObject.getAsJsonArray('runs')[0].asJsonObject
    .getAsJsonArray('results').collect { it.asJsonObject }

// The report of step 3, as a reader opens it.
def screenshot = new File(basedir, 'report-screenshot.png')
def page = ReportInBrowser.check(new File(reports, 'index.html').toPath(), screenshot.toPath())
assert page.findings() == results.size()
assert page.findingsByCheck().keySet() == results.collect { it.get('ruleId').asString } as Set

// A node for every lock the compile recorded an edge of, and the ledger's cycle in red both ways.
def locks = new TreeSet()
reports.listFiles().findAll { it.name ==~ /lock-edges-.*\.jsonl/ }.each { file ->
  file.readLines().drop(1).findAll { it.trim() }.each { line ->
    def edge = JsonParser.parseString(line).asJsonObject
    locks << edge.get('held').asString
    locks << edge.get('acquired').asString
  }
}
assert !locks.isEmpty()
assert page.locks() == locks
def fee = 'com.example.orders.ledger.FeeSchedule.lock'
def batch = 'com.example.orders.ledger.Settlement.batchLock'
assert page.flaggedEdges().containsAll(["${fee} -> ${batch}".toString(), "${batch} -> ${fee}".toString()])
// The ledger declares balances before journal: reconcile() takes them the other way (dashed), and so
// closes a cycle with post(), which follows the declared order.
def balances = 'com.example.orders.ledger.Ledger.balances'
def journal = 'com.example.orders.ledger.Ledger.journal'
assert page.violations() == ["${journal} -> ${balances}".toString()] as TreeSet
assert page.flaggedEdges().contains("${balances} -> ${journal}".toString())
// The declared order itself, drawn apart (dotted), and not red.
assert page.declared() == ["${balances} -> ${journal}".toString()] as TreeSet
assert Files.size(screenshot.toPath()) > 10_000
return true
