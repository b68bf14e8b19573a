import com.google.gson.JsonParser
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3
runs.each { assert it.contains('BUILD SUCCESS') }
assert runs[1].contains('MultiThreadedBuilder') && runs[1].contains('thread count of 2')

def cache = '`this` is held across a blocking call: `load() -> Client.fetch() -> Http.get() -> Socket.connect()`' +
    ' connects a socket (network round trip)'
def quotes = '`lock` is held across a blocking call: `RemotePrices.price() -> Client.fetch() -> Http.get() ->' +
    ' Socket.connect()` connects a socket (network round trip)'
def board = '`this` is held across a blocking call: `PriceSource.price() -> RemotePrices.price() ->' +
    ' Client.fetch() -> Http.get() -> Socket.connect()` connects a socket (network round trip)'
def cycle = '`Ledger.audit()` acquires `Ledger.accounts` while `Ledger.journal` is held, but Ledger.post()' +
    ' (Ledger.java:10) acquires them in the opposite order'

// 1 and 2: app's own compile reports all four, the chains running on into core, one through core's
// interface to its implementation there.
runs.take(2).each { run ->
  assert run =~ /app\/src\/main\/java\/com\/acme\/app\/PriceCache\.java:\[\d+,\d+\] \[BlockingCallUnderLock\] /
  assert run.contains(cache)
  assert run.contains(quotes)
  assert run.contains(board)
  assert run =~ /app\/src\/main\/java\/com\/acme\/app\/Reconciler\.java:\[14,\d+\] \[LockOrderInversion\] /
  assert run.contains(cycle)
  assert !run.contains('method summaries') // no note: every summary read is whole and current
}
['serial', 'parallel'].each { out ->
  def jar = new File(basedir, "core/${out}/core-1.0.jar")
  new ZipFile(jar).withCloseable { zip ->
    def text = { name ->
      def entry = zip.getEntry("META-INF/deadbolt/summaries/${name}.jsonl")
      assert entry != null : "${jar} carries no summaries of ${name}"
      zip.getInputStream(entry).text.readLines()
    }
    def client = text('com.acme.core.Client')
    assert client[0] == '{"format":"deadbolt-summaries","version":1,"methods":1,"edges":0}'
    assert client[1].contains('"key":"com.acme.core.Client#fetch(Ljava/lang/String;)Ljava/lang/String;"')
    assert text('com.acme.core.Ledger').any { it.contains('"kind":"edge"') && it.contains('"held":"com.acme.core.Ledger#accounts"') }
    // An interface method says what its implementations in core do.
    assert text('com.acme.core.PriceSource').any { it.contains('"key":"com.acme.core.PriceSource#price(') }
  }
}

// 3: analyze, without Error Prone in the build: the same four findings in app's report.
def sarif = new File(basedir, 'app/analyze/deadbolt/deadbolt.sarif')
def results = JsonParser.parseString(sarif.text).asJsonObject.getAsJsonArray('runs')[0].asJsonObject
    .getAsJsonArray('results').collect { it.asJsonObject }
def texts = results.collect { it.getAsJsonObject('message').get('text').asString }
assert texts.any { it.contains(cache) } : texts
assert texts.any { it.contains(quotes) } : texts
assert texts.any { it.contains(board) } : texts
// (deadbolt:check words the cycle as found across modules, naming core; once.)
assert results.count { it.get('ruleId').asString == 'LockOrderInversion' } == 1
assert texts.any { it.contains('but Ledger.post() (Ledger.java:10, module core) acquires them in the opposite order') } : texts
assert new File(basedir, 'core/analyze/deadbolt/analyze-classes/META-INF/deadbolt/summaries/com.acme.core.Client.jsonl').isFile()
assert !new File(basedir, 'core/analyze/classes/META-INF/deadbolt').exists()
return true
