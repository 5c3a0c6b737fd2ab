package org.losseval.accumulate;

import java.lang.reflect.Field;

/**
 * Makes an object of a state class without running a constructor, for {@link StateCodec}: a state made
 * lazily (a summary made when a budget is exceeded, a diagram at the first batch) has no no-argument
 * constructor, and the decoder fills every one of its data fields right after. Through
 * {@code sun.misc.Unsafe.allocateInstance} (module jdk.unsupported, present from JDK 9 to 25 and not among
 * the memory-access methods JEP 471 deprecates); the object's configuration fields stay null, which is why
 * only the decoder, which fills them, calls this.
 */
final class Allocation {
    private Allocation() {}

    static Object allocate(Class<?> c) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Object unsafe = theUnsafe.get(null);
        return unsafeClass.getMethod("allocateInstance", Class.class).invoke(unsafe, c);
    }
}
