package com.acme.gen;

/** Generated from src/template at build time. */
public final class Version {
  public static final String VALUE = "${project.version}";

  private Version() {}
}
