#!/usr/bin/env bash
# How fast an auditor finds a person's exchanges in a large audit log: fills a PostgreSQL schema
# of its own with valid audit records (canonical bytes and leaf hashes in the store's own tables,
# loaded with COPY), checks the Merkle root over them, then times searches by data subject (first
# page of 100, newest first) next to searches by message id, in the same run, so the figures are
# ratios. Checks with EXPLAIN that the data_subject index is used. Drops its schema at the end.
#
#   bench/audit-search.sh            # 1,000,000 records, 100,000 data subjects, 2,000 searches each (about 3 minutes)
#   bench/audit-search.sh --quick    # 100,000 records, 10,000 data subjects
#
# Options via environment: AUDIT_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/test, user
# postgres without password), RECORDS, SUBJECTS, QUERIES, JAVA_OPTS, MVN (default mvn).
set -euo pipefail
cd "$(dirname "$0")/.."

records=${RECORDS:-1000000}; subjects=${SUBJECTS:-100000}; queries=${QUERIES:-2000}
if [[ "${1:-}" == "--quick" ]]; then records=${RECORDS:-100000}; subjects=${SUBJECTS:-10000}; fi
url=${AUDIT_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/test}
mvn=${MVN:-mvn}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The audit module and its dependencies' class path, from the reactor (core and security built too).
# One Maven build at a time on a shared machine: wait for any other under the same lock.
flock /tmp/takamul-mvn.lock $mvn -q -B -pl audit -am -Dmaven.test.skip=true package \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime
cp="audit/target/classes:$(cat "$work/cp.txt")"
javac -d "$work" -cp "$cp" bench/java/AuditSearch.java
# Other work on the machine moves the tails most: say how busy it was.
load() { [[ -r /proc/loadavg ]] && echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" || true; }
echo "before: $(load)"
java ${JAVA_OPTS:--Xms1g -Xmx2g} -cp "$cp:$work" AuditSearch "$url" "$records" "$subjects" "$queries"
echo "after: $(load)"
