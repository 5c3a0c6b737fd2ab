package org.losseval.kernel;

import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Loads {@code jdk.incubator.vector} at run time, so the Vector API works without
 * {@code --add-modules jdk.incubator.vector} and therefore without the JVM's start-up line
 * "WARNING: Using incubator modules: jdk.incubator.vector" on stderr (a successful run must write
 * nothing there).
 *
 * <p>How: the JDK's own {@code jdk.internal.module.Modules.loadModule(String)}, the method the VM calls
 * to load {@code java.instrument} when an agent attaches to a running JVM. It resolves the system module
 * into a child layer of the boot layer, defines it to its built-in class loader (so the JIT still
 * trusts the module's {@code @ForceInline} and intrinsics, unlike a layer with a class loader of our own),
 * grants it java.base's qualified exports (a plain child layer misses them and fails with
 * {@code IllegalAccessError} on {@code jdk.internal.vm.vector}) and registers its packages with the
 * built-in loaders, so class-path code can then use {@code jdk.incubator.vector} types directly.
 * The incubator warning is printed only while the boot layer is built, so this path prints nothing.
 *
 * <p>That package is not exported, so the caller needs one of: {@code Add-Exports:
 * java.base/jdk.internal.module} in the manifest of the jar run with {@code java -jar} (no warning), or
 * {@code --add-exports java.base/jdk.internal.module=ALL-UNNAMED} (no warning). Without either, or on a
 * JDK where the method is gone, the caller falls back to the scalar kernels, silently.
 */
final class VectorModule {

    static final String NAME = "jdk.incubator.vector";

    private static final String LOADER_CLASS = "jdk.internal.module.Modules";

    private VectorModule() {}

    /**
     * Makes the module available if it is not already.
     *
     * @return empty when the module is available now, otherwise why it is not (for the description)
     */
    static Optional<String> load() {
        if (ModuleLayer.boot().findModule(NAME).isPresent()) {
            return Optional.empty(); // given by --add-modules (and its warning already printed)
        }
        if (ModuleFinder.ofSystem().find(NAME).isEmpty()) {
            return Optional.of("module " + NAME + " is not in this Java runtime");
        }
        try {
            Class.forName(LOADER_CLASS).getMethod("loadModule", String.class).invoke(null, NAME);
            return Optional.empty();
        } catch (IllegalAccessException e) {
            return Optional.of("java.base does not export jdk.internal.module to the class path"
                    + " (run with java -jar, or add --add-exports java.base/jdk.internal.module=ALL-UNNAMED)");
        } catch (InvocationTargetException e) {
            return Optional.of("loading " + NAME + " failed: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("this JDK cannot load " + NAME + " at run time: " + e);
        }
    }
}
