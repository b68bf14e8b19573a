package dev.deadbolt.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;

/**
 * Small stand-ins for the Guava, Reactor and RxJava types the checks match by name: the same
 * packages, names and signatures (functional parameters as {@code java.util.function} types), bodies
 * that construct nothing. Public for the analysis tests.
 */
public final class StandIns {
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
          import java.util.List;
          import java.util.function.Consumer;
          import java.util.function.Function;
          import java.util.function.Predicate;
          import org.reactivestreams.Publisher;
          import reactor.core.scheduler.Scheduler;

          public abstract class Flux<T> implements Publisher<T> {
            @SafeVarargs
            public static <T> Flux<T> just(T... values) {
              throw new UnsupportedOperationException();
            }

            public static <T> Flux<T> fromIterable(Iterable<? extends T> values) {
              throw new UnsupportedOperationException();
            }

            public final <R> Flux<R> map(Function<? super T, ? extends R> mapper) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> filter(Predicate<? super T> predicate) {
              throw new UnsupportedOperationException();
            }

            public final <R> Flux<R> flatMap(Function<? super T, ? extends Publisher<? extends R>> mapper) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> doOnNext(Consumer<? super T> onNext) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> publishOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final Flux<T> subscribeOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final Mono<List<T>> collectList() {
              throw new UnsupportedOperationException();
            }

            public final void subscribe(Consumer<? super T> consumer) {
              throw new UnsupportedOperationException();
            }

            public final T blockLast() {
              throw new UnsupportedOperationException();
            }

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

          import java.util.concurrent.Callable;
          import java.util.function.Function;

          public abstract class Flowable<T> {
            public static <T> Flowable<T> fromCallable(Callable<? extends T> supplier) {
              throw new UnsupportedOperationException();
            }

            public final <R> Flowable<R> map(Function<? super T, ? extends R> mapper) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> observeOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final Flowable<T> subscribeOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final T blockingFirst() {
              throw new UnsupportedOperationException();
            }

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

  static final StandIn REACTIVE_STREAMS_PUBLISHER =
      new StandIn(
          "reactivestreams/Publisher.java",
          """
          package org.reactivestreams;

          public interface Publisher<T> {}
          """);

  static final StandIn REACTOR_MONO =
      new StandIn(
          "reactor/Mono.java",
          """
          package reactor.core.publisher;

          import java.util.concurrent.Callable;
          import java.util.function.Consumer;
          import java.util.function.Function;
          import org.reactivestreams.Publisher;
          import reactor.core.scheduler.Scheduler;

          public abstract class Mono<T> implements Publisher<T> {
            public static <T> Mono<T> just(T value) {
              throw new UnsupportedOperationException();
            }

            public static <T> Mono<T> fromCallable(Callable<? extends T> supplier) {
              throw new UnsupportedOperationException();
            }

            public final <R> Mono<R> map(Function<? super T, ? extends R> mapper) {
              throw new UnsupportedOperationException();
            }

            public final <R> Mono<R> flatMap(Function<? super T, ? extends Mono<? extends R>> mapper) {
              throw new UnsupportedOperationException();
            }

            public final Mono<T> doOnNext(Consumer<? super T> onNext) {
              throw new UnsupportedOperationException();
            }

            public final Mono<T> publishOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final Mono<T> subscribeOn(Scheduler scheduler) {
              throw new UnsupportedOperationException();
            }

            public final T block() {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn REACTOR_SCHEDULER =
      new StandIn(
          "reactor/Scheduler.java",
          """
          package reactor.core.scheduler;

          public interface Scheduler {}
          """);

  static final StandIn REACTOR_SCHEDULERS =
      new StandIn(
          "reactor/Schedulers.java",
          """
          package reactor.core.scheduler;

          import java.util.concurrent.ExecutorService;

          public abstract class Schedulers {
            public static Scheduler boundedElastic() {
              throw new UnsupportedOperationException();
            }

            public static Scheduler parallel() {
              throw new UnsupportedOperationException();
            }

            public static Scheduler single() {
              throw new UnsupportedOperationException();
            }

            public static Scheduler immediate() {
              throw new UnsupportedOperationException();
            }

            public static Scheduler fromExecutorService(ExecutorService executorService) {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn RXJAVA3_SCHEDULER =
      new StandIn(
          "rxjava3/Scheduler.java",
          """
          package io.reactivex.rxjava3.core;

          public abstract class Scheduler {}
          """);

  static final StandIn RXJAVA3_SCHEDULERS =
      new StandIn(
          "rxjava3/Schedulers.java",
          """
          package io.reactivex.rxjava3.schedulers;

          import io.reactivex.rxjava3.core.Scheduler;

          public final class Schedulers {
            private Schedulers() {}

            public static Scheduler io() {
              throw new UnsupportedOperationException();
            }

            public static Scheduler computation() {
              throw new UnsupportedOperationException();
            }
          }
          """);

  static final StandIn[] ALL = {
    GUAVA_QUEUES,
    REACTIVE_STREAMS_PUBLISHER,
    REACTOR_FLUX,
    REACTOR_MONO,
    REACTOR_SINKS,
    REACTOR_QUEUES,
    REACTOR_SCHEDULER,
    REACTOR_SCHEDULERS,
    RXJAVA3_FLOWABLE,
    RXJAVA3_SCHEDULER,
    RXJAVA3_SCHEDULERS,
    RXJAVA2_FLOWABLE,
  };

  public static CompilationTestHelper addAll(CompilationTestHelper helper) {
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
