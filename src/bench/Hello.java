/** The floor of the start-up row: a JVM that starts, prints one line and exits (compiled once by compare.sh). */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
