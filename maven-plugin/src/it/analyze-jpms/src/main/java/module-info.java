module com.acme.jpms {
  requires org.slf4j;
  exports com.acme.jpms;
}
