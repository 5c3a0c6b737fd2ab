#!/bin/sh
# Builds losseval and installs it under a prefix (default ~/.local); --uninstall removes exactly that.
# Run ./install.sh --help for the options.
set -eu

usage() {
    cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--uninstall] [--help]

Builds losseval (mvn -q -DskipTests package) and installs:
  DIR/bin/losseval                              the launcher
  DIR/share/losseval/losseval.jar               the program
  DIR/share/losseval/losseval.jsa               a class-data archive for fast start-up
  DIR/share/man/man1/losseval.1                 the man page (man losseval)
  DIR/share/bash-completion/completions/losseval   bash completion

  --prefix DIR   where to install (default: ~/.local)
  --uninstall    remove the files listed above from DIR instead
  --help         show this help

Needs Java 17 or newer and Maven. Re-running overwrites an earlier installation.
Tests are separate: mvn -B verify
USAGE
}

die() {
    printf 'install.sh: %s\n' "$1" >&2
    exit "${2:-1}"
}

prefix=${HOME}/.local
uninstall=false
while [ $# -gt 0 ]; do
    case $1 in
        --prefix)
            [ $# -ge 2 ] || die "--prefix needs a directory" 2
            prefix=$2
            shift 2
            ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) uninstall=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) printf 'install.sh: unknown option: %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] || die "--prefix needs a directory" 2
case $prefix in
    /*) ;;
    *) prefix=$(pwd)/$prefix ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
share=$prefix/share/losseval
launcher=$prefix/bin/losseval
jar=$share/losseval.jar
archive=$share/losseval.jsa
manpage=$prefix/share/man/man1/losseval.1
completion=$prefix/share/bash-completion/completions/losseval

if [ "$uninstall" = true ]; then
    for file in "$launcher" "$jar" "$archive" "$manpage" "$completion"; do
        if [ -e "$file" ]; then
            rm -f "$file"
            printf 'removed %s\n' "$file"
        fi
    done
    # The folders install.sh may have created, deepest first, where now empty; never the prefix itself.
    for dir in "$share" "$(dirname "$manpage")" "$prefix/share/man" "$(dirname "$completion")" \
            "$prefix/share/bash-completion" "$prefix/bin" "$prefix/share"; do
        rmdir "$dir" 2>/dev/null || true
    done
    exit 0
fi

# --- What the build and the launcher need -----------------------------------------------------------
missing=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
else
    java=$(command -v java 2>/dev/null || true)
fi
if [ -z "$java" ]; then
    missing="${missing}  - Java 17 or newer (a JDK): e.g. 'sudo apt-get install openjdk-17-jdk-headless',
    or download a JDK and set JAVA_HOME to it.
"
else
    version=$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    case $version in 1.*) version=${version#1.} ;; esac
    major=${version%%[!0-9]*}
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then
        missing="${missing}  - Java 17 or newer: $java is version '${version:-unknown}'. Install a newer JDK
    (e.g. 'sudo apt-get install openjdk-17-jdk-headless') and put it first on PATH or set JAVA_HOME.
"
    fi
fi
if ! command -v mvn >/dev/null 2>&1; then
    missing="${missing}  - Maven 3.6 or newer: e.g. 'sudo apt-get install maven', or download Apache Maven
    and put its bin/ directory on PATH.
"
fi
if [ -n "$missing" ]; then
    printf 'install.sh: cannot build losseval; missing:\n%s' "$missing" >&2
    exit 1
fi

# --- Build ------------------------------------------------------------------------------------------
printf 'Building losseval (mvn -q -DskipTests package)...\n'
(cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package) || die "the Maven build failed (see above)"
built=$here/target/losseval.jar
[ -f "$built" ] || die "the build did not produce $built"

# --- Install: copy beside the target, then rename over it, so a re-run never leaves half a file --------
put() { # put SOURCE DEST MODE
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2.tmp.$$"
    chmod "$3" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
}
put "$here/bin/losseval" "$launcher" 755
put "$built" "$jar" 644
put "$here/man/losseval.1" "$manpage" 644

mkdir -p "$(dirname "$completion")"
"$java" -cp "$jar" org.losseval.cli.Completion "$completion.tmp.$$"
chmod 644 "$completion.tmp.$$"
mv -f "$completion.tmp.$$" "$completion"

# The class-data archive (AppCDS) records the classes a typical run loads, so later runs map them
# instead of parsing and verifying them. It is tied to this JVM and this jar: the launcher passes it
# with -Xshare:auto, which silently ignores an archive that no longer matches. The training run reads a
# CSV and a Parquet file, so the Parquet reader's classes start fast too. The JVM logs a warning
# for every class it cannot archive (picocli's Java 5 classes on JDK 17), hence -Xlog:cds=off.
rm -f "$archive"
if "$java" "-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC \
        -Xshare:auto -jar "$jar" eval "$here/examples/houses.csv" "$here/examples/houses.parquet" \
        -p pred -t target -l mse >/dev/null 2>&1 \
        && [ -f "$archive" ]; then
    chmod 644 "$archive"
else
    rm -f "$archive"
    printf 'install.sh: note: could not build the start-up archive; losseval works, only starts slower\n' >&2
fi

printf 'Installed losseval under %s:\n' "$prefix"
for file in "$launcher" "$jar" "$archive" "$manpage" "$completion"; do
    [ -e "$file" ] && printf '  %s\n' "$file"
done
case ":${PATH}:" in
    *":$prefix/bin:"*) ;;
    *) printf '\n%s/bin is not on your PATH. Add it, e.g. in ~/.profile:\n  export PATH="%s/bin:$PATH"\n' \
        "$prefix" "$prefix" ;;
esac
if [ "$prefix" != "${HOME}/.local" ] && [ "$prefix" != /usr/local ] && [ "$prefix" != /usr ]; then
    printf '\nbash-completion does not look in %s; to use the completion, add to ~/.bashrc:\n  . "%s"\n' \
        "$prefix" "$completion"
fi
