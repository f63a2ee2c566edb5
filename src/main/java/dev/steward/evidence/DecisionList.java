package dev.steward.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The decision aggregates of one principal or one credential, as {@link Evidence#decisionsOfPrincipal} and
 * {@link Evidence#decisionsOfCredential} return them: a list that also remembers one value derived from it. Many
 * checks describe the same subject's decisions in the same way (the "decisions" evidence reference of LOG-1, LOG-2,
 * AUT-3, HUM-1, DET-1, LIF-2, IDN-2, IDN-3, ...); deriving it once per list instead of once per check was about 8 % of
 * a 100k-agent assessment. The list is filled while its evidence is built and never changes afterwards, and the
 * derivation must be a pure function of the list, so a value computed twice by two threads is the same value.
 */
public final class DecisionList extends ArrayList<DecisionAggregate> {

    private static final long serialVersionUID = 1L;

    /** The function last derived with and its value, published together. */
    private record Derived(Function<?, ?> by, Object value) {
    }

    private transient volatile Derived derived;

    DecisionList() {
        super(4);
    }

    /**
     * {@code f} applied to this list, computed on the first call with that function (by identity: pass a constant)
     * and remembered; a call with another function replaces what is remembered.
     */
    @SuppressWarnings("unchecked")
    public <T> T derive(Function<? super List<DecisionAggregate>, T> f) {
        Derived d = derived;
        if (d != null && d.by() == f) {
            return (T) d.value();
        }
        T value = f.apply(this);
        derived = new Derived(f, value);
        return value;
    }
}
