def log = new File(basedir, 'build.log').text
// Maven prints each line of the failure after [ERROR] .
assert log.contains('Deadbolt: analyze-not-compiling does not compile under analyze (javac with Error Prone, configured as its default-compile); its own `mvn compile` did not run in this build, so run `mvn compile ...:analyze` to tell whether the module compiles on its own. 2 errors:')
// javac's own wording and layout, not its diagnostic keys.
assert log =~ /src\/main\/java\/com\/acme\/broken\/Pinger\.java:3: error: package org\.slf4j does not exist\r?\n\[ERROR\] import org\.slf4j\.Logger;\r?\n\[ERROR\] {17}\^/
assert !log.contains('compiler.err')
return true
