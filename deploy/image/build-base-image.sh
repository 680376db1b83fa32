#!/usr/bin/env bash
# Builds the base image of the Vertelpunt container from Debian packages alone: Debian 12 (bookworm),
# minbase, with openjdk-17-jre-headless, ca-certificates and tzdata, a user "vertelpunt" (uid/gid 185)
# and an empty /deployments; no documentation, manuals, translations or package caches.
#
# No container registry is needed: the root file system is made with mmdebstrap from Debian's mirror
# and packed as one layer into a docker-archive (the format of `docker save`), which Jib then uses as
# its base image (quarkus.jib.base-jvm-image=tar://...). Run by `mvn package -Pimage`; needs root.
#
#   deploy/image/build-base-image.sh [OUTPUT_DIR]        (default: target/image-base)
#
# Writes OUTPUT_DIR/base-image.tar and OUTPUT_DIR/base-image.stamp. When both exist and the stamp
# matches this script and its settings, nothing is rebuilt (delete the folder, or set
# VERTELPUNT_REBUILD_BASE=1, to fetch the newest packages, e.g. for security updates).
#
# Reproducible: with the same packages from the mirror the archive is the same, byte for byte, except
# /etc/ssl/certs/java/cacerts (a Java KeyStore whose entries carry the time they were added).
#
# Settings (environment):
#   DEBIAN_MIRROR            default http://deb.debian.org/debian
#   DEBIAN_SECURITY_MIRROR   default http://deb.debian.org/debian-security
#   SOURCE_DATE_EPOCH        timestamps in the image; default: the last commit of deploy/image, else 0
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"
out="${1:-$project/target/image-base}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

suite=bookworm
packages=openjdk-17-jre-headless,ca-certificates,tzdata
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
uid=185
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$project" log -1 --format=%ct -- deploy/image 2>/dev/null || true)"
  SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-0}"
fi
export SOURCE_DATE_EPOCH

tarball="$out/base-image.tar"
stamp="$out/base-image.stamp"
want="$( { sha256sum "$0" | cut -d' ' -f1; echo "$suite $packages $mirror $security $uid $SOURCE_DATE_EPOCH"; } | sha256sum | cut -d' ' -f1)"
if [ -z "${VERTELPUNT_REBUILD_BASE:-}" ] && [ -f "$tarball" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "Base image up to date: $tarball"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "build-base-image.sh: needs root (mmdebstrap --mode=root creates files owned by other users)" >&2
  exit 1
fi
if ! command -v mmdebstrap > /dev/null; then
  echo "Installing mmdebstrap from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap > /dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap > /dev/null; }
fi

arch="$(dpkg --print-architecture)"
work="$out/work"
rm -rf "$work" "$tarball" "$stamp"
mkdir -p "$work/rootfs" "$work/archive"
started=$SECONDS

echo "Building the base root file system: Debian $suite ($arch) minbase + $packages"
# Documentation, manual pages and translations are left out as dpkg unpacks (copyright files stay).
# The JRE's post-installation script needs /usr/share/man/man1 to exist (for its alternatives), so it
# is made before and removed after. The merged-usr hooks set up /usr as debootstrap does and install
# usr-is-merged instead of usrmerge (which would pull in Perl, some 50 MB).
mmdebstrap --mode=root --variant=minbase --format=directory --architectures="$arch" \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --include="$packages" \
  --aptopt='APT::Install-Recommends "false"' \
  --aptopt='APT::Install-Suggests "false"' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --dpkgopt='path-exclude=/usr/share/bug/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='rm -rf "$1/usr/share/man"' \
  --customize-hook='test -s "$1/etc/ssl/certs/java/cacerts"' \
  --customize-hook="chroot \"\$1\" groupadd --system --gid $uid vertelpunt" \
  --customize-hook="chroot \"\$1\" useradd --system --uid $uid --gid $uid --home-dir /deployments --no-create-home --shell /usr/sbin/nologin vertelpunt" \
  --customize-hook='mkdir -p "$1/deployments" && chmod 0755 "$1/deployments"' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old "$1"/var/log/*.log "$1"/var/log/apt/* "$1"/etc/hostname' \
  --customize-hook=': > "$1/etc/resolv.conf"' \
  --customize-hook='chroot "$1" java -version' \
  "$suite" "$work/rootfs" \
  "deb $mirror $suite main" \
  "deb $mirror $suite-updates main" \
  "deb $security $suite-security main"

echo "Packing the root file system as one layer"
# Deterministic: sorted names, clamped times, numeric owners, no access/change times; /dev stays empty
# (the container runtime provides it).
tar --create --file "$work/layer.tar" --directory "$work/rootfs" \
  --format=posix --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
  --sort=name --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime --numeric-owner \
  --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' .
diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
gzip -n -6 "$work/layer.tar"
layer_digest="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)"
mkdir -p "$work/archive/$layer_digest"
mv "$work/layer.tar.gz" "$work/archive/$layer_digest/layer.tar"

created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
java_home="/usr/lib/jvm/java-17-openjdk-$arch"
jdk_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$work/rootfs$java_home/release")"
cat > "$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$java_home"],
  "Cmd":["/bin/bash"],"WorkingDir":"/deployments",
  "Labels":{"org.opencontainers.image.base.name":"debian:$suite (mmdebstrap minbase)","nl.vertelpunt.base.packages":"$packages","nl.vertelpunt.base.java":"$jdk_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/image/build-base-image.sh: mmdebstrap --variant=minbase $suite + $packages"}]}
EOF
config_digest="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$work/archive/$config_digest.json"
# Members named without "./" (Jib refuses to extract "./"), in a fixed order.
cat > "$work/archive/manifest.json" <<EOF
[{"Config":"$config_digest.json","RepoTags":["vertelpunt-base:$suite-jre17"],"Layers":["$layer_digest/layer.tar"]}]
EOF
tar --create --file "$tarball.tmp" --directory "$work/archive" --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
  --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --no-recursion \
  manifest.json "$config_digest.json" "$layer_digest/" "$layer_digest/layer.tar"
mv "$tarball.tmp" "$tarball"
echo "$want" > "$stamp"
rm -rf "$work"
echo "Base image: $tarball ($(du -h "$tarball" | cut -f1) compressed, Java $jdk_version, $((SECONDS - started)) s)"
