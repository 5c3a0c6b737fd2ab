#!/bin/sh
# Builds losseval and installs it under a prefix (default ~/.local); --uninstall removes exactly that.
# Run ./install.sh --help for the options.
set -eu

usage() {
    cat <<'USAGE'
Usage: ./install.sh [--prefix DIR] [--jdk JAVA_HOME]... [--uninstall] [--help]

Builds losseval (mvn -q -DskipTests package) and installs:
  DIR/bin/losseval                              the launcher
  DIR/share/losseval/losseval.jar               the program
  DIR/share/losseval/losseval-N.jsa or .aot     a start-up archive for each Java N it is made for:
                                                an AppCDS archive up to Java 24, an AOT cache from 25
                                                (and from 25 losseval-N-parquet.aot for Parquet runs)
  DIR/share/man/man1/losseval.1                 the man page (man losseval)
  DIR/share/bash-completion/completions/losseval   bash completion

  --prefix DIR   where to install (default: ~/.local)
  --jdk DIR      also make a start-up archive for the Java in DIR (a JAVA_HOME, 17 or newer); repeatable.
                 The Java that builds gets one anyway; the launcher uses the one that matches the Java it
                 runs on, and runs without one (only slower) when none does
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
jdks=
while [ $# -gt 0 ]; do
    case $1 in
        --prefix)
            [ $# -ge 2 ] || die "--prefix needs a directory" 2
            prefix=$2
            shift 2
            ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --jdk)
            [ $# -ge 2 ] || die "--jdk needs a JAVA_HOME directory" 2
            [ -x "$2/bin/java" ] || die "--jdk $2: no bin/java there" 2
            jdks="$jdks
$2"
            shift 2
            ;;
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
manpage=$prefix/share/man/man1/losseval.1
completion=$prefix/share/bash-completion/completions/losseval

if [ "$uninstall" = true ]; then
    # losseval.jsa: the single archive of earlier versions of this script.
    for file in "$launcher" "$jar" "$share"/losseval-*.jsa "$share"/losseval-*.aot "$share/losseval.jsa" \
            "$manpage" "$completion"; do
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

# java_major JAVA: the major version of that java (17, 25), or nothing.
java_major() {
    version=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    case $version in 1.*) version=${version#1.} ;; esac
    printf '%s\n' "${version%%[!0-9]*}"
}

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
    major=$(java_major "$java")
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then
        missing="${missing}  - Java 17 or newer: $java is version '${major:-unknown}'. Install a newer JDK
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

# The start-up archives: an AppCDS archive (up to Java 24) or an AOT cache (from 25) records the classes a
# typical run loads, linked, so later runs map them instead of parsing and verifying them. Each is tied to
# one JVM and this jar; the launcher picks the one of the Java it runs on (its names and flags live there:
# LOSSEVAL_MAKE_ARCHIVE=1 makes it write the archive during a training run). The training run's output and
# the JVM's notes are discarded. Up to Java 24 it reads a CSV and a Parquet file, so the Parquet reader's
# classes start fast too: an AppCDS archive maps a class only when it is asked for. An AOT cache loads every
# class it holds at start-up (the Parquet classes would cost a three-row CSV run on JDK 25 80M of its 622M
# main-thread instructions, valgrind --tool=callgrind), so from 25 there are two: one trained on the CSV alone
# (losseval-N.aot) and one on both files (losseval-N-parquet.aot), which the launcher takes for a run that
# names a Parquet file (it picks by the training run's arguments too, so each run below writes its own).
rm -f "$share/losseval.jsa" "$share"/losseval-*.jsa "$share"/losseval-*.aot
archives() { ls "$share" | grep -c -E '^losseval-[0-9]+(-parquet)?\.(jsa|aot)$' || true; }
done_majors=
old_ifs=$IFS
IFS='
'
for home in "$(dirname "$(dirname "$java")")" $jdks; do
    IFS=$old_ifs
    # One archive per major version (the launcher's choice): a --jdk of a version already done is skipped.
    home_major=$(java_major "$home/bin/java")
    case " $done_majors " in *" $home_major "*) continue ;; esac
    done_majors="$done_majors $home_major"
    before=$(archives)
    env -u LOSSEVAL_JAVA_OPTS JAVA_HOME="$home" LOSSEVAL_MAKE_ARCHIVE=1 "$launcher" eval \
        "$here/examples/houses.csv" "$here/examples/houses.parquet" -p pred -t target -l mse >/dev/null 2>&1 || true
    if [ "${home_major:-0}" -ge 25 ]; then
        env -u LOSSEVAL_JAVA_OPTS JAVA_HOME="$home" LOSSEVAL_MAKE_ARCHIVE=1 "$launcher" eval \
            "$here/examples/houses.csv" -p pred -t target -l mse >/dev/null 2>&1 || true
    fi
    if [ "$(archives)" -le "$before" ]; then
        printf 'install.sh: note: could not make a start-up archive for %s; losseval works with it, only starts slower\n' \
            "$home/bin/java" >&2
    fi
done
IFS=$old_ifs
rm -f "$share"/*.aot.config
chmod 644 "$share"/losseval-*.jsa "$share"/losseval-*.aot 2>/dev/null || true

printf 'Installed losseval under %s:\n' "$prefix"
for file in "$launcher" "$jar" "$share"/losseval-*.jsa "$share"/losseval-*.aot "$manpage" "$completion"; do
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
