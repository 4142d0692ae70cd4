#!/bin/sh
# jdeps-modules.sh JDK_BIN JAR_DIR -> comma-separated JDK modules the jars need.
# One jdeps run over all jars fails: modular jars (sourceafis, jackson, javafx) require
# modules by names other jars do not declare. So ask jdeps jar by jar and, where it cannot
# resolve a jar's module graph, read that jar's module descriptor instead.
set -eu
bin=$1
dir=$2
for jar in "$dir"/*.jar; do
    if ! "$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar" 2>/dev/null; then
        "$bin/jar" --describe-module --file "$jar" 2>/dev/null \
            | awk '$1 == "requires" { print $2 }' || true
    fi
done | tr ',' '\n' | grep -E '^(java|jdk)\.' | LC_ALL=C sort -u | paste -sd, -
