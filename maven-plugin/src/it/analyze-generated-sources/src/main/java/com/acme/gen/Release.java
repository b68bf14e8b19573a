package com.acme.gen;

import com.google.auto.value.AutoValue;

@AutoValue
public abstract class Release {
  public abstract String version();

  public static Release create(String version) {
    return new AutoValue_Release(version);
  }
}
