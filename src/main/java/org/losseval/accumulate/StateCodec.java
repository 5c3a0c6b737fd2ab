package org.losseval.accumulate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The binary encoding of mergeable states, for states that cross a network (Spark partitions to the driver),
 * after HdrHistogram's and DataSketches': a header that names the format, then the state's data.
 *
 * <h2>Format, version 1</h2>
 * <pre>
 *   int    magic        0x4C455653 ("LEVS")
 *   short  version      1
 *   byte[32] fingerprint  SHA-256 of the configuration the caller names (losses with parameters, budgets,
 *                          seed, ...): a state of another request is refused, never combined
 *   bytes  body          the state as one value (below), compressed with DEFLATE (zlib format,
 *                          java.util.zip.Deflater's default level), to the end of the bytes
 * </pre>
 * The body is compressed because states are mostly zeros: exact sums' bins and lanes, histogram pages and
 * bootstrap replicates hold many words for few rows (a part of a few dozen rows is about 2 MB raw, 20 to 50 kB
 * compressed).
 * A value is a tag byte and its payload (big-endian, {@link DataOutputStream}'s encodings; strings as an int
 * length and UTF-8 bytes): {@code N} null; {@code Z B S C I J F D} a primitive (a double as its raw bits, so
 * every NaN payload and signed zero survives); {@code z i j d} a boxed Boolean, Integer, Long, Double;
 * {@code s} a string; {@code [} an array (its component class name, length, then its elements: bare for a
 * primitive component, tagged values otherwise); {@code L} a list and {@code M} a map (class name, size,
 * elements or key-value pairs, in iteration order); {@code R} a record (class name, components in declaration
 * order); {@code O} a state object: its class name, its field count, then each field as its name and value,
 * fields of the class's superclasses first, each class's fields sorted by name; {@code P} a state that packs
 * itself ({@link Packed}: a column of doubles outside the heap): its class name, then the one value it packs
 * to.
 *
 * <p><b>Which fields are a state's data.</b> Every instance field of a state object except: {@code transient}
 * ones (scratch buffers of the last batch, caches, the settings of the JVM a part ran on); and fields whose
 * declared type is configuration, not data: anything outside {@code java.lang}, {@code java.util}, this package,
 * {@code org.losseval.report} and the classes the caller names as states (a loss, a kernel, a plan, a function),
 * {@link Scratch} and
 * {@link ContributionSettings}. Configuration is what the fingerprint covers: a decoded state takes it from
 * the empty state it is decoded into, which the receiver builds from the same request.
 *
 * <p><b>Decoding</b> fills an empty state built from the same request ({@link #decodeInto}) field by field,
 * in place: an object field that is non-null in both is filled recursively (so objects the empty state shares
 * stay shared), one that is null there is made (its no-argument constructor, else allocated without one and
 * filled field by field); a record is made by its canonical constructor. Every field name, class name and tag
 * is checked against the receiver's classes, so bytes of another layout fail with a message naming the field,
 * never decode into wrong figures: a change to a state's fields is a new format version, and the committed
 * fixtures of version 1 ({@code StateCodecFixtureTest}) fail until it is made.
 *
 * <p>Why generic rather than one writer per state: the states are about thirty classes with nested exact
 * sums, heaps, pages and bootstrap replicates; one walker that every state goes through cannot forget a
 * field when a state grows one (the field-name check catches the layout change), and {@code StateContractTest}
 * holds every state to the round trip. Not thread-safe per call; the class itself keeps only a cache of fields.
 */
public final class StateCodec {
    public static final int MAGIC = 0x4C455653;
    public static final short VERSION = 1;
    public static final int FINGERPRINT_BYTES = 32;
    /** The longest string a state holds (a file name, a reason, a kind): longer is corrupt bytes. */
    private static final int MAX_STRING_BYTES = 1 << 20;

    private final Map<Class<?>, List<Field>> fields = new ConcurrentHashMap<>();

    /**
     * A state with a derived index of its own data (which the encoding leaves out, marked {@code transient}):
     * rebuilt after the decoder filled the data fields.
     */
    public interface Decoded {
        void afterDecode();

        /**
         * An empty state for a new element of this state's list field {@code field} (a group's states, say), which
         * the decoder then fills; null when the field holds no states.
         */
        default Object emptyElement(String field) { return null; }
    }

    /**
     * A state whose data is not in fields the walker can read (a column kept in direct {@code ByteBuffer}s, outside
     * the heap): it hands its data over as one plain value (arrays of primitives, say) and rebuilds itself from
     * one. Encoded as tag {@code P}, the class name, then that value. Only for encoding: the state keeps its own
     * layout on the hot path, and the copy is made when a state is encoded.
     */
    public interface Packed {
        /** This state's data as one value of the kinds above; may be a copy. */
        Object packed();

        /**
         * Replaces this state's data with what {@link #packed()} gave.
         *
         * @throws StateFormatException when the value is not of the form {@link #packed()} gives
         */
        void unpack(Object packed) throws StateFormatException;
    }

    /** Classes outside this package whose instances are state objects (the app's per-run states). */
    private final Set<Class<?>> stateClasses;

    /** @param stateClasses classes outside {@code org.losseval.accumulate} whose instances are states */
    public StateCodec(Set<Class<?>> stateClasses) {
        this.stateClasses = Set.copyOf(stateClasses);
    }

    /** The state {@code root} with a header carrying {@code fingerprint} (32 bytes). */
    public byte[] encode(Object root, byte[] fingerprint) {
        if (fingerprint.length != FINGERPRINT_BYTES) throw new IllegalArgumentException("fingerprint must be 32 bytes");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.write(fingerprint);
            out.flush();
            DataOutputStream body = new DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes));
            writeValue(body, root);
            body.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to memory", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("state field not accessible: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Fills {@code empty} (an empty state built from the same request) with the state encoded in {@code bytes}.
     *
     * @throws StateFormatException when the bytes are not a state of this format version, of this
     *                              configuration, or of this layout; {@code empty} is then not to be used
     */
    public void decodeInto(Object empty, byte[] bytes, byte[] fingerprint) throws StateFormatException {
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            checkHeader(header, fingerprint);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                    new java.util.zip.InflaterInputStream(header, inflater)));
            readInto(in, empty, "state");
            if (in.read() != -1 || !inflater.finished()) throw new StateFormatException("state has bytes after its end");
        } catch (IOException e) {
            throw new StateFormatException("state is truncated or corrupt (" + bytes.length + " bytes)");
        } catch (ReflectiveOperationException e) {
            throw new StateFormatException("state cannot be rebuilt: " + e);
        }
    }

    private static void checkHeader(DataInputStream in, byte[] fingerprint) throws IOException, StateFormatException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new StateFormatException(String.format("not a losseval state: magic number 0x%08X, expected 0x%08X",
                    magic, MAGIC));
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new StateFormatException("state format version " + version + " is not supported: this build reads"
                    + " version " + VERSION);
        }
        byte[] theirs = in.readNBytes(FINGERPRINT_BYTES);
        if (!Arrays.equals(theirs, fingerprint)) {
            throw new StateFormatException("state is of another configuration (fingerprint " + hex(theirs, 6)
                    + "…, expected " + hex(fingerprint, 6) + "…): states combine only within one request");
        }
    }

    static String hex(byte[] bytes, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(count, bytes.length); i++) sb.append(String.format("%02x", bytes[i]));
        return sb.toString();
    }

    // ---------------------------------------------------------------- writing

    private void writeValue(DataOutputStream out, Object value) throws IOException, IllegalAccessException {
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof String s) {
            out.writeByte('s');
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.writeByte('z');
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeByte('i');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('j');
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte('d');
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value.getClass().isArray()) {
            writeArray(out, value);
        } else if (value instanceof List<?> list) {
            out.writeByte('L');
            writeString(out, collectionClass(list));
            out.writeInt(list.size());
            for (Object element : list) writeValue(out, element);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            writeString(out, collectionClass(map));
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeValue(out, entry.getKey());
                writeValue(out, entry.getValue());
            }
        } else if (value instanceof Record record) {
            out.writeByte('R');
            writeString(out, record.getClass().getName());
            RecordComponent[] components = record.getClass().getRecordComponents();
            out.writeInt(components.length);
            for (RecordComponent component : components) {
                Method accessor = new Method(component);
                writeValue(out, accessor.get(record));
            }
        } else if (value instanceof Packed packed && isState(value.getClass())) {
            out.writeByte('P');
            writeString(out, value.getClass().getName());
            writeValue(out, packed.packed());
        } else if (isState(value.getClass())) {
            out.writeByte('O');
            writeString(out, value.getClass().getName());
            List<Field> fields = fields(value.getClass());
            out.writeInt(fields.size());
            for (Field field : fields) {
                writeString(out, field.getName());
                writeField(out, field, value);
            }
        } else {
            throw new IllegalArgumentException("not a state value: " + value.getClass().getName());
        }
    }

    private void writeField(DataOutputStream out, Field field, Object owner) throws IOException, IllegalAccessException {
        Class<?> type = field.getType();
        if (!type.isPrimitive()) {
            writeValue(out, field.get(owner));
        } else if (type == boolean.class) {
            out.writeByte('Z');
            out.writeBoolean(field.getBoolean(owner));
        } else if (type == byte.class) {
            out.writeByte('B');
            out.writeByte(field.getByte(owner));
        } else if (type == short.class) {
            out.writeByte('S');
            out.writeShort(field.getShort(owner));
        } else if (type == char.class) {
            out.writeByte('C');
            out.writeChar(field.getChar(owner));
        } else if (type == int.class) {
            out.writeByte('I');
            out.writeInt(field.getInt(owner));
        } else if (type == long.class) {
            out.writeByte('J');
            out.writeLong(field.getLong(owner));
        } else if (type == float.class) {
            out.writeByte('F');
            out.writeInt(Float.floatToRawIntBits(field.getFloat(owner)));
        } else {
            out.writeByte('D');
            out.writeLong(Double.doubleToRawLongBits(field.getDouble(owner)));
        }
    }

    private void writeArray(DataOutputStream out, Object array) throws IOException, IllegalAccessException {
        Class<?> component = array.getClass().getComponentType();
        int n = Array.getLength(array);
        out.writeByte('[');
        writeString(out, component.getName());
        out.writeInt(n);
        if (component == long.class) {
            for (long v : (long[]) array) out.writeLong(v);
        } else if (component == double.class) {
            for (double v : (double[]) array) out.writeLong(Double.doubleToRawLongBits(v));
        } else if (component == int.class) {
            for (int v : (int[]) array) out.writeInt(v);
        } else if (component == boolean.class) {
            for (boolean v : (boolean[]) array) out.writeBoolean(v);
        } else if (component == short.class) {
            for (short v : (short[]) array) out.writeShort(v);
        } else if (component == byte.class) {
            out.write((byte[]) array);
        } else if (component.isPrimitive()) {
            throw new IllegalArgumentException("no encoding for arrays of " + component);
        } else {
            for (int i = 0; i < n; i++) writeValue(out, Array.get(array, i));
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Names an immutable list as {@value #IMMUTABLE_LIST}: configuration, checked equal when decoded. */
    private static final String IMMUTABLE_LIST = "java.util.List";

    /** The collection classes a state may hold as data; an immutable list (of configuration) is checked, not filled. */
    private static String collectionClass(Object collection) {
        Class<?> c = collection.getClass();
        if (c == ArrayList.class || c == TreeMap.class || c == LinkedHashMap.class || c == HashMap.class) return c.getName();
        if (collection instanceof List<?>) return IMMUTABLE_LIST;
        throw new IllegalArgumentException("no encoding for a state collection of class " + c.getName());
    }

    // ---------------------------------------------------------------- reading

    /** Reads an object value ('O') into {@code target}, which is of the same class. */
    private void readInto(DataInputStream in, Object target, String path)
            throws IOException, StateFormatException, ReflectiveOperationException {
        expectTag(in, 'O', path);
        String name = readString(in);
        if (!name.equals(target.getClass().getName())) {
            throw new StateFormatException("state layout differs at " + path + ": " + name + " where "
                    + target.getClass().getName() + " was expected");
        }
        fillFields(in, target, path);
    }

    private void fillFields(DataInputStream in, Object target, String path)
            throws IOException, StateFormatException, ReflectiveOperationException {
        List<Field> fields = fields(target.getClass());
        int count = in.readInt();
        if (count != fields.size()) {
            throw new StateFormatException("state layout differs at " + path + ": " + count + " fields where "
                    + target.getClass().getSimpleName() + " has " + fields.size());
        }
        for (Field field : fields) {
            String name = readString(in);
            String fieldPath = path + "." + field.getName();
            if (!name.equals(field.getName())) {
                throw new StateFormatException("state layout differs at " + fieldPath + ": field '" + name + "' found");
            }
            readField(in, field, target, fieldPath);
        }
        if (target instanceof Decoded decoded) decoded.afterDecode();
    }

    private void readField(DataInputStream in, Field field, Object target, String path)
            throws IOException, StateFormatException, ReflectiveOperationException {
        Class<?> type = field.getType();
        if (type.isPrimitive()) {
            int tag = in.readUnsignedByte();
            if (tag != primitiveTag(type)) {
                throw new StateFormatException("state layout differs at " + path + ": tag '" + (char) tag
                        + "' for a " + type);
            }
            switch (tag) {
                case 'Z' -> field.setBoolean(target, in.readBoolean());
                case 'B' -> field.setByte(target, in.readByte());
                case 'S' -> field.setShort(target, in.readShort());
                case 'C' -> field.setChar(target, in.readChar());
                case 'I' -> field.setInt(target, in.readInt());
                case 'J' -> field.setLong(target, in.readLong());
                case 'F' -> field.setFloat(target, Float.intBitsToFloat(in.readInt()));
                default -> field.setDouble(target, Double.longBitsToDouble(in.readLong()));
            }
            return;
        }
        Object current = field.get(target);
        Decoded owner = target instanceof Decoded d ? d : null;
        Object value = readValue(in, current, path, owner == null ? null : () -> owner.emptyElement(field.getName()));
        if (value != current) field.set(target, value);
    }

    /**
     * Reads one value. {@code current} is what the empty state holds there: state objects are filled in
     * place, and a mutable collection is refilled in place (so references to it stay valid).
     */
    private Object readValue(DataInputStream in, Object current, String path)
            throws IOException, StateFormatException, ReflectiveOperationException {
        return readValue(in, current, path, null);
    }

    /** @param elements makes an empty state for a list's new element ({@link Decoded#emptyElement}), or null */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object readValue(DataInputStream in, Object current, String path,
                             java.util.function.Supplier<Object> elements)
            throws IOException, StateFormatException, ReflectiveOperationException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'N': return null;
            case 's': return readString(in);
            case 'z': return in.readBoolean();
            case 'i': return in.readInt();
            case 'j': return in.readLong();
            case 'd': return Double.longBitsToDouble(in.readLong());
            case '[': return readArray(in, current, path);
            case 'L': {
                String listClass = readString(in);
                if (listClass.equals(IMMUTABLE_LIST)) {
                    int n = in.readInt();
                    List<Object> read = new ArrayList<>();
                    for (int i = 0; i < n; i++) read.add(readValue(in, null, path + "[" + i + "]"));
                    if (!read.equals(current)) {
                        throw new StateFormatException("state configuration differs at " + path + ": " + read + " where "
                                + current + " was expected");
                    }
                    return current;
                }
                Class<?> c = collection(listClass, path);
                int n = in.readInt();
                if (n < 0) throw new IOException("list size " + n);
                List list = (List) filledOrNew(current, c);
                List<Object> old = new ArrayList<>(list);
                list.clear();
                for (int i = 0; i < n; i++) {
                    Object element = i < old.size() ? old.get(i) : elements == null ? null : elements.get();
                    list.add(readValue(in, element, path + "[" + i + "]"));
                }
                return list;
            }
            case 'M': {
                Class<?> c = collection(readString(in), path);
                int n = in.readInt();
                Map map = (Map) filledOrNew(current, c);
                map.clear();
                for (int i = 0; i < n; i++) {
                    Object key = readValue(in, null, path + "{key}");
                    map.put(key, readValue(in, null, path + "{" + key + "}"));
                }
                return map;
            }
            case 'R': {
                Class<?> c = stateClass(readString(in), path);
                if (!c.isRecord()) throw new StateFormatException("state layout differs at " + path + ": " + c.getName() + " is no record");
                RecordComponent[] components = c.getRecordComponents();
                int n = in.readInt();
                if (n != components.length) throw new StateFormatException("state layout differs at " + path + ": " + n + " components");
                Object[] args = new Object[n];
                Class<?>[] types = new Class<?>[n];
                for (int i = 0; i < n; i++) {
                    types[i] = components[i].getType();
                    args[i] = readValue(in, null, path + "." + components[i].getName());
                }
                Constructor<?> constructor = c.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(args);
            }
            case 'P': {
                Class<?> c = stateClass(readString(in), path);
                if (!Packed.class.isAssignableFrom(c)) {
                    throw new StateFormatException("state layout differs at " + path + ": " + c.getName() + " is not packed");
                }
                Object target = filledOrNew(current, c);
                Object packed = readValue(in, null, path);
                try {
                    ((Packed) target).unpack(packed);
                } catch (StateFormatException e) {
                    throw new StateFormatException(e.getMessage() + " (at " + path + ")");
                }
                return target;
            }
            case 'O': {
                String name = readString(in);
                Class<?> c = stateClass(name, path);
                Object target = filledOrNew(current, c);
                fillFields(in, target, path);
                return target;
            }
            default:
                throw new StateFormatException("state layout differs at " + path + ": unknown tag " + tag);
        }
    }

    private Object readArray(DataInputStream in, Object current, String path)
            throws IOException, StateFormatException, ReflectiveOperationException {
        String componentName = readString(in);
        int n = in.readInt();
        if (n < 0) throw new IOException("array length " + n);
        switch (componentName) {
            case "long" -> { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = in.readLong(); return fitted(a, current); }
            case "double" -> { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = Double.longBitsToDouble(in.readLong()); return fitted(a, current); }
            case "int" -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = in.readInt(); return fitted(a, current); }
            case "boolean" -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = in.readBoolean(); return fitted(a, current); }
            case "short" -> { short[] a = new short[n]; for (int i = 0; i < n; i++) a[i] = in.readShort(); return fitted(a, current); }
            case "byte" -> { byte[] a = in.readNBytes(n); if (a.length != n) throw new IOException("truncated"); return fitted(a, current); }
            default -> {
                Class<?> component = componentName.startsWith("[") ? Class.forName(componentName, false, StateCodec.class.getClassLoader())
                        : stateOrPlainClass(componentName, path);
                Object array = current != null && current.getClass().getComponentType() == component
                        && Array.getLength(current) == n ? current : Array.newInstance(component, n);
                for (int i = 0; i < n; i++) {
                    Object old = array == current ? Array.get(current, i) : null;
                    Object value = readValue(in, old, path + "[" + i + "]");
                    if (value != old) Array.set(array, i, value);
                }
                return array;
            }
        }
    }

    /** A primitive array read: copied into the empty state's array when that has the same length (a final field), else itself. */
    private static Object fitted(Object read, Object current) {
        if (current != null && current.getClass() == read.getClass() && Array.getLength(current) == Array.getLength(read)
                && Array.getLength(read) > 0) {
            System.arraycopy(read, 0, current, 0, Array.getLength(read));
            return current;
        }
        return read;
    }

    private static int primitiveTag(Class<?> type) {
        if (type == boolean.class) return 'Z';
        if (type == byte.class) return 'B';
        if (type == short.class) return 'S';
        if (type == char.class) return 'C';
        if (type == int.class) return 'I';
        if (type == long.class) return 'J';
        if (type == float.class) return 'F';
        return 'D';
    }

    private static void expectTag(DataInputStream in, char tag, String path) throws IOException, StateFormatException {
        int read = in.readUnsignedByte();
        if (read != tag) throw new StateFormatException("state layout differs at " + path + ": tag '" + (char) read + "', expected '" + tag + "'");
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING_BYTES) throw new IOException("string length " + n);
        byte[] utf8 = in.readNBytes(n);
        if (utf8.length != n) throw new java.io.EOFException();
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static Class<?> collection(String name, String path) throws StateFormatException {
        for (Class<?> c : List.of(ArrayList.class, TreeMap.class, LinkedHashMap.class, HashMap.class)) {
            if (c.getName().equals(name)) return c;
        }
        throw new StateFormatException("state layout differs at " + path + ": collection " + name);
    }

    /** A class named in the bytes: only a state class or a report record, never an arbitrary one. */
    private Class<?> stateClass(String name, String path) throws StateFormatException, ClassNotFoundException {
        if (!name.startsWith("org.losseval.")) throw new StateFormatException("state layout differs at " + path + ": class " + name);
        Class<?> c = Class.forName(name, false, StateCodec.class.getClassLoader());
        if (!isState(c) && !(c.isRecord() && isDataPackage(c))) {
            throw new StateFormatException("state layout differs at " + path + ": class " + name + " is no state");
        }
        return c;
    }

    private Class<?> stateOrPlainClass(String name, String path) throws StateFormatException, ClassNotFoundException {
        if (name.equals("java.lang.Object") || name.equals("java.lang.String") || name.equals("java.lang.Long")
                || name.equals("java.lang.Double") || name.equals("java.lang.Integer")) {
            return Class.forName(name);
        }
        return stateClass(name, path);
    }

    /** {@code current}, the empty state's object, to fill in place when it is a {@code c}; else a new {@code c}. */
    private Object filledOrNew(Object current, Class<?> c) throws ReflectiveOperationException, StateFormatException {
        return current != null && current.getClass() == c ? current : newInstance(c);
    }

    private Object newInstance(Class<?> c) throws ReflectiveOperationException, StateFormatException {
        try {
            Constructor<?> constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            // Made without a constructor, an object has no configuration: only a state that has none qualifies.
            for (Class<?> s = c; s != null && s != Object.class; s = s.getSuperclass()) {
                for (Field f : s.getDeclaredFields()) {
                    if (isKept(f) && !holdsData(f)) {
                        throw new StateFormatException("state layout differs: a " + c.getSimpleName() + " where the empty"
                                + " state has none, and it cannot be made without its configuration (" + f.getName() + ")");
                    }
                }
            }
            return Allocation.allocate(c);
        }
    }

    // ---------------------------------------------------------------- which fields

    private boolean isState(Class<?> c) {
        return !c.isRecord() && !c.isInterface() && (c.getPackageName().equals(StateCodec.class.getPackageName())
                || stateClasses.contains(c)) && c != Scratch.class && c != ContributionSettings.class;
    }

    private static boolean isDataPackage(Class<?> c) {
        String p = c.getPackageName();
        return p.equals("org.losseval.accumulate") || p.equals("org.losseval.report");
    }

    /**
     * Whether a field belongs to an object's encoding at all (see the class Javadoc): an instance field, neither
     * {@code transient} nor made by the compiler. Of these, the encoded ones hold data ({@link #holdsData}); an
     * object whose others (its configuration) are not all absent cannot be made without its constructor.
     */
    private static boolean isKept(Field f) {
        int m = f.getModifiers();
        return !Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic();
    }

    /** Whether a field's declared type, type arguments included, is data rather than configuration. */
    private boolean holdsData(Field f) {
        return isDataType(f.getType()) && dataArguments(f);
    }

    /** Whether a field of this declared type holds data (see the class Javadoc) rather than configuration. */
    private boolean isDataType(Class<?> type) {
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive() || type == String.class || type == Object.class) return true;
        if (type == Long.class || type == Integer.class || type == Double.class || type == Boolean.class) return true;
        if (type == List.class || type == Map.class || type == ArrayList.class || type == TreeMap.class
                || type == LinkedHashMap.class || type == HashMap.class || type == Collection.class) return true;
        if (type == Scratch.class || type == ContributionSettings.class) return false;
        if (type.isRecord()) return isDataPackage(type);
        return isState(type);
    }

    /** A list or map of configuration (a loss list) is configuration too. */
    private boolean dataArguments(Field f) {
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) {
                if (argument instanceof Class<?> c && !isDataType(c)) return false;
            }
        }
        return true;
    }

    private List<Field> fields(Class<?> c) {
        return fields.computeIfAbsent(c, k -> {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> s = k; s != null && s != Object.class; s = s.getSuperclass()) chain.add(0, s);
            List<Field> fields = new ArrayList<>();
            for (Class<?> s : chain) {
                List<Field> own = new ArrayList<>();
                for (Field f : s.getDeclaredFields()) {
                    if (!isKept(f) || !holdsData(f)) continue;
                    f.setAccessible(true);
                    own.add(f);
                }
                own.sort((a, b) -> a.getName().compareTo(b.getName()));
                fields.addAll(own);
            }
            return List.copyOf(fields);
        });
    }

    /** A record component's accessor, made accessible (records of the report package are public; nested ones may not be). */
    private static final class Method {
        private final java.lang.reflect.Method accessor;

        Method(RecordComponent component) {
            accessor = component.getAccessor();
            accessor.setAccessible(true);
        }

        Object get(Object record) throws IllegalAccessException {
            try {
                return accessor.invoke(record);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
