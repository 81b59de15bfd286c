#!/usr/bin/env bash
# Prepares a Linux machine (as root) for the testbed in a box: the network tools and CRIU >= 4.2.
# Idempotent: a second run only checks. Usage: scripts/testbed-setup.sh
#
# CRIU: the system's `criu` is used when it is 4.2 or newer and passes `criu check`. Otherwise
# (Debian bookworm ships 3.17, which fails on kernels >= 6.13; 4.1.1 cannot dump AF_INET sockets
# on kernels >= 6.16) Debian sid's criu and its libraries are unpacked into a private prefix
# ($FERRY_CRIU_PREFIX, default /opt/ferry/criu) and run through that prefix's own loader, so the
# system's libc and apt configuration stay untouched. Ferry finds it as $FERRY_CRIU_PREFIX/bin/criu.
set -euo pipefail

PREFIX="${FERRY_CRIU_PREFIX:-/opt/ferry/criu}"
MIN_MAJOR=4
MIN_MINOR=2

say() { echo "testbed-setup: $*" >&2; }
die() { say "$*"; exit 1; }

[ "$(uname -s)" = Linux ] || die "the testbed needs Linux (this is $(uname -s))"
[ "$(id -u)" = 0 ] || die "run as root: the testbed creates namespaces and runs CRIU"

# --- packages from the system's own Debian sources ---------------------------------------------
NEEDED=(iproute2 iptables util-linux socat)
missing=()
for p in "${NEEDED[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- CRIU >= 4.2 -------------------------------------------------------------------------------
# Prints "major minor" of the criu at $1, or fails.
criu_version() {
  "$1" --version 2>/dev/null | sed -n 's/^Version: *\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -1
}
recent_enough() {
  local v; v=$(criu_version "$1") || return 1
  [ -n "$v" ] || return 1
  set -- $v
  [ "$1" -gt "$MIN_MAJOR" ] || { [ "$1" -eq "$MIN_MAJOR" ] && [ "$2" -ge "$MIN_MINOR" ]; }
}

CRIU=""
if command -v criu >/dev/null 2>&1 && recent_enough "$(command -v criu)"; then
  CRIU="$(command -v criu)"
  say "using the system's criu at $CRIU"
elif [ -x "$PREFIX/bin/criu" ] && recent_enough "$PREFIX/bin/criu"; then
  CRIU="$PREFIX/bin/criu"
  say "using the private criu at $CRIU"
else
  say "installing Debian sid's criu into $PREFIX (the system's is missing or older than $MIN_MAJOR.$MIN_MINOR)"
  command -v apt-get >/dev/null || die "no apt-get: install CRIU >= $MIN_MAJOR.$MIN_MINOR by hand"
  STATE="$PREFIX/apt-state"
  rm -rf "$STATE" "$PREFIX/root"
  mkdir -p "$STATE/lists/partial" "$STATE/cache/archives/partial" "$STATE/debs" "$PREFIX/bin"
  # the archive address comes from the system's own Debian source
  URI=""
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$URI" ] && [ -r /etc/apt/sources.list ]; then
    URI=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$URI" ] || die "cannot find the Debian archive in /etc/apt: install CRIU >= $MIN_MAJOR.$MIN_MINOR by hand"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $URI sid main" > "$STATE/sid.list"
  O=(-o "Dir::Etc::SourceList=$STATE/sid.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$STATE/lists" -o "Dir::Cache=$STATE/cache" -o Dir::State::status=/dev/null
     -o APT::Sandbox::User=root)
  apt-get "${O[@]}" -qq update
  (cd "$STATE/debs" && apt-get "${O[@]}" -qq download criu libcompel1 libc6 libgnutls30t64 \
      libnftables1 libnl-3-200 libprotobuf-c1 libbsd0 libnet9 libuuid1 libnettle8t64 \
      libhogweed6t64 libp11-kit0 libtasn1-6 libunistring5 libidn2-0 libgmp10 libjansson4 libmnl0 \
      libnftnl11 libxtables12 libedit2 libmd0 libffi8 libtinfo6 libgcc-s1 libbpf1 libelf1t64 \
      libzstd1 zlib1g)
  for f in "$STATE"/debs/*.deb; do dpkg -x "$f" "$PREFIX/root"; done
  cat > "$PREFIX/bin/criu" <<WRAP
#!/bin/sh
# sid's criu with sid's own loader and libraries; the system's libc is untouched
R=$PREFIX/root
exec \$R/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 --library-path \$R/usr/lib/x86_64-linux-gnu \$R/usr/sbin/criu "\$@"
WRAP
  chmod 755 "$PREFIX/bin/criu"
  rm -rf "$STATE"
  recent_enough "$PREFIX/bin/criu" || die "the unpacked criu does not run: $("$PREFIX/bin/criu" --version 2>&1 | head -3)"
  CRIU="$PREFIX/bin/criu"
fi

if ! out=$("$CRIU" check 2>&1); then
  die "criu check failed: $out"
fi
say "$("$CRIU" --version | head -1); criu check: $(echo "$out" | tail -1)"
