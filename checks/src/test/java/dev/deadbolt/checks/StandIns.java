package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;

/**
 * Small stand-ins for the Guava, Reactor and RxJava types the backpressure checks match by name:
 * the same packages, names and signatures, bodies that construct nothing.
 */
final class StandIns {
  record StandIn(String path, String source) {}

  static final StandIn GUAVA_QUEUES =
      new StandIn(
          "guava/Queues.java",
          """
          package com.google.common.collect;

          import java.util.concurrent.ArrayBlockingQueue;
          import java.util.concurrent.LinkedBlockingDeque;
          import java.util.concurrent.LinkedBlockingQueue;
          import java.util.concurrent.PriorityBlockingQueue;

          public final class Queues {
            private Queues() {}

            public static <E> ArrayBlockingQueue<E> newArrayBlockingQueue(int capacity) {
              throw new UnsupportedOperationException();
            }

            public static <E> LinkedBlockingQueue<E> newLinkedBlockingQueue() {
              throw new UnsupportedOperationException();
            }

            public static <E> LinkedBlockingQueue<E> newLinkedBlockingQueue(int capacity) {
              throw new UnsupportedOperationException();
            }

            public static <E> LinkedBlockingQueue<E> newLinkedBlockingQueue(
                Iterable<? extends E> elements) {
              throw new UnsupportedOperationException();
            }

            public static <E> LinkedBlockingDeque<E> newLinkedBlockingDeque() {
              throw new UnsupportedOperationException();
            }

            public static <E> LinkedBlockingDeque<E> newLinkedBlockingDeque(int capacity) {
              throw new UnsupportedOperationException();
            }

            public static <E extends Comparable> PriorityBlockingQueue<E> newPriorityBlockingQueue() {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn REACTOR_FLUX =
      new StandIn(
          "reactor/Flux.java",
          """
          package reactor.core.publisher;

          import java.time.Duration;
          import java.util.function.Consumer;

          public abstract class Flux<T> {
            public final Flux<T> onBackpressureBuffer() {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> onBackpressureBuffer(int maxSize) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> onBackpressureBuffer(int maxSize, Consumer<? super T> onOverflow) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> onBackpressureBuffer(
                Duration ttl, int maxSize, Consumer<? super T> onBufferEviction) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> onBackpressureDrop() {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn REACTOR_SINKS =
      new StandIn(
          "reactor/Sinks.java",
          """
          package reactor.core.publisher;

          import java.util.Queue;

          public final class Sinks {
            private Sinks() {}

            public static ManySpec many() {
              throw new UnsupportedOperationException();
            }

            public interface ManySpec {
              UnicastSpec unicast();

              MulticastSpec multicast();
            }

            public interface UnicastSpec {
              <T> Many<T> onBackpressureBuffer();

              <T> Many<T> onBackpressureBuffer(Queue<T> queue);

              <T> Many<T> onBackpressureError();
            }

            public interface MulticastSpec {
              <T> Many<T> onBackpressureBuffer();

              <T> Many<T> onBackpressureBuffer(int bufferSize);
            }

            public interface Many<T> {
              void tryEmitNext(T value);

              Flux<T> asFlux();
            }
          }
          """);

  static final StandIn REACTOR_QUEUES =
      new StandIn(
          "reactor/Queues.java",
          """
          package reactor.util.concurrent;

          import java.util.Queue;
          import java.util.function.Supplier;

          public final class Queues {
            private Queues() {}

            public static <T> Supplier<Queue<T>> get(int batchSize) {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn RXJAVA3_FLOWABLE =
      new StandIn(
          "rxjava3/Flowable.java",
          """
          package io.reactivex.rxjava3.core;

          public abstract class Flowable<T> {
            public final Flowable<T> onBackpressureBuffer() {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureBuffer(boolean delayError) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureBuffer(int capacity) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureBuffer(int capacity, boolean delayError) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureBuffer(
                int capacity, boolean delayError, boolean unbounded) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureDrop() {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn RXJAVA2_FLOWABLE =
      new StandIn(
          "rxjava2/Flowable.java",
          """
          package io.reactivex;

          public abstract class Flowable<T> {
            public final Flowable<T> onBackpressureBuffer() {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> onBackpressureBuffer(int capacity) {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn[] ALL = {
    GUAVA_QUEUES, REACTOR_FLUX, REACTOR_SINKS, REACTOR_QUEUES, RXJAVA3_FLOWABLE, RXJAVA2_FLOWABLE
  };

  static CompilationTestHelper addAll(CompilationTestHelper helper) {
    for (StandIn standIn : ALL) {
      helper = helper.addSourceLines(standIn.path(), standIn.source());
    }
    return helper;
  }

  static BugCheckerRefactoringTestHelper addAll(BugCheckerRefactoringTestHelper helper) {
    for (StandIn standIn : ALL) {
      helper = helper.addInputLines(standIn.path(), standIn.source()).expectUnchanged();
    }
    return helper;
  }

  private StandIns() {}
}
