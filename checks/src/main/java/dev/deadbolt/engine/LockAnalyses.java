package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.util.Context;
import dev.deadbolt.blocking.BlockingCalls;
import dev.deadbolt.blocking.BlockingRegions;
import dev.deadbolt.blocking.ImmediateMethods;
import dev.deadbolt.catalog.BuiltInCatalogs;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.contexts.NonBlockingContexts;
import dev.deadbolt.locks.HeldLockAnalysis;
import dev.deadbolt.locks.LockTakers;
import org.jspecify.annotations.Nullable;

/**
 * The analyses of one compilation, shared by every Deadbolt check: each is computed once per
 * compilation (method summaries) or once per compilation unit (held locks, non-blocking contexts),
 * whichever check asks first.
 */
public final class LockAnalyses {
  private static final Context.Key<LockAnalyses> KEY = new Context.Key<>();

  private final ImmediateMethods immediateMethods;
  private final HeldLockAnalysis heldLocks;
  private final BlockingCalls blockingCalls;
  private final NonBlockingContexts nonBlockingContexts;
  private final Context context;
  private final LockTakers lockTakers = new LockTakers();
  /** The blocking regions of the unit being checked, once a check asked for them. */
  @Nullable private BlockingRegions blockingRegions;

  private LockAnalyses(DeadboltConfig config, VisitorState state) {
    this.context = state.context;
    this.immediateMethods = new ImmediateMethods(config.immediateEntries());
    this.heldLocks = new HeldLockAnalysis(immediateMethods);
    this.blockingCalls =
        new BlockingCalls(config.blockingEntries(), immediateMethods, lockTakers, state);
    this.nonBlockingContexts =
        new NonBlockingContexts(
            immediateMethods, BuiltInCatalogs::eventLoopCallbacks, BuiltInCatalogs::reactiveOperators);
  }

  /** The analyses of the compilation {@code state} belongs to, created on first use. */
  public static LockAnalyses of(VisitorState state, DeadboltConfig config) {
    LockAnalyses analyses = state.context.get(KEY);
    if (analyses == null) {
      analyses = new LockAnalyses(config, state);
      state.context.put(KEY, analyses);
    }
    return analyses;
  }

  public HeldLockAnalysis heldLocks() {
    return heldLocks;
  }

  /**
   * A held-lock analysis of its own, for a pass over other compilation units that must not disturb
   * the shared one's cache of the unit being checked.
   */
  public HeldLockAnalysis newHeldLockAnalysis() {
    return new HeldLockAnalysis(immediateMethods);
  }

  public BlockingCalls blockingCalls() {
    return blockingCalls;
  }

  public NonBlockingContexts nonBlockingContexts() {
    return nonBlockingContexts;
  }

  public ImmediateMethods immediateMethods() {
    return immediateMethods;
  }

  public LockTakers lockTakers() {
    return lockTakers;
  }

  public Context context() {
    return context;
  }

  @Nullable
  public BlockingRegions blockingRegionsOf(CompilationUnitTree unit) {
    return blockingRegions != null && blockingRegions.unit() == unit ? blockingRegions : null;
  }

  public void keepBlockingRegions(BlockingRegions regions) {
    this.blockingRegions = regions;
  }
}
