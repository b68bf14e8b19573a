def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Toolchain in maven-compiler-plugin')
assert log.contains('Deadbolt: compiling 1 main source file(s) as default-compile with Error Prone in a forked javac of the toolchain\'s JDK')
assert log =~ /src\/main\/java\/com\/acme\/tc\/Flusher\.java:7 \[new\] `lock` is held across a blocking call/
return true
