#!/usr/bin/env bash
# Regenerates deploy/kubernetes/vertelpunt.yml from the settings in src/main/resources/application.properties
# (section "Deployment"): the build writes target/kubernetes/kubernetes.yml, which is copied as it is.
# KubernetesManifestsIT (mvn verify) fails when the committed file differs from what the build generates.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
generated=target/kubernetes/kubernetes.yml
committed=deploy/kubernetes/vertelpunt.yml
# The generator writes the keys of label maps in an order that varies between builds; do not churn the
# committed file for that alone (same lines, other order).
if [ -f "$committed" ] && cmp -s <(sort "$generated") <(sort "$committed"); then
  echo "$committed is up to date"
else
  cp "$generated" "$committed"
  echo "$committed regenerated:"
  git --no-pager diff --stat -- "$committed" || true
fi
