#!/usr/bin/env bash
# Installs what the testbed in a box needs on a fresh Debian 12 machine, and builds the guest
# artefacts into a cache directory. Idempotent: a second run changes nothing and takes seconds.
#
#   sudo scripts/testbed-setup.sh            # cache in /var/cache/ferry (FERRY_CACHE overrides)
#
# What it does:
#  1. apt-get update (once) and install: busybox-static, iproute2, iptables, iputils-ping, cpio,
#     gcc, libc6-dev, libnetfilter-queue-dev, socat, e2fsprogs; then qemu-system-x86 and
#     qemu-utils >= 9.0: the release's, or its backports' if the release's is older (Debian 12).
#  2. Downloads Debian's cloud kernel package (apt-get download, NOT installed: the host's boot
#     kernel is untouched) and unpacks it into the cache: its vmlinuz boots the guests.
#  3. Builds the guest initramfs: busybox, the virtio modules (loaded in dependency order) and
#     ferry-dirty, a static program that dirties guest memory at a chosen rate.
#  4. Builds nfq-delay, the native NFQUEUE delay line (the kernel here has no netem).
#  5. Installs CRIU >= 4.2 (the system's if recent enough, else Debian sid's in a private prefix)
#     and checks it with `criu check`.
#  6. Builds the guests' Java runtime disk (a read-only ext4 image: a jlink'd Java 17 runtime, its
#     libraries and busybox), which the EPC stand-ins run from inside the QEMU guests.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "testbed-setup: must run as root (it installs Debian packages and the testbed needs" >&2
  echo "network namespaces, tc and iptables). Run: sudo $0" >&2
  exit 1
fi
if [ "$(uname -s)" != Linux ] || ! command -v apt-get >/dev/null; then
  echo "testbed-setup: needs a Debian (apt-get) Linux machine" >&2
  exit 1
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${FERRY_CACHE:-/var/cache/ferry}"
mkdir -p "$CACHE"
APT=(apt-get -y -q -o DPkg::Lock::Timeout=600)
export DEBIAN_FRONTEND=noninteractive

# QEMU is not among them: step 1b installs it, from the release or from its backports.
PACKAGES=(busybox-static iproute2 iptables iputils-ping cpio gcc libc6-dev libnetfilter-queue-dev
  socat util-linux e2fsprogs tar)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "testbed-setup: installing ${missing[*]}"
  "${APT[@]}" update
  "${APT[@]}" install --no-install-recommends "${missing[@]}"
else
  echo "testbed-setup: packages present"
fi

# The Debian archive's address, from the system's own apt sources.
debian_archive() {
  local uri=""
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^[a-z]+:\/\//){print $i; exit}}' /etc/apt/sources.list)
  fi
  echo "$uri"
}

# 1b. QEMU >= 9.0. Before 9.0, QEMU under TCG loses guest writes during a live migration: the
#     dirty-bitmap sync did not reset TCG's TLB dirty flags, so a page written again through a
#     cached TLB entry is never re-sent (fixed upstream in 9.0, commit 03bfc2188f). Measured
#     here with 7.2: 10 of 10 pre-copy moves of a guest dirtying 12 MB/s left it oopsed. Debian
#     12 ships 7.2, so there QEMU comes from bookworm-backports (10.0), through a one-shot source
#     list and apt state: the system's apt configuration is untouched. A release whose own QEMU
#     is new enough (Debian 13) installs that.
QEMU_MIN_MAJOR=9
qemu_major() {
  { qemu-system-x86_64 --version 2>/dev/null || true; } | sed -n 's/^QEMU emulator version \([0-9]*\)\..*/\1/p'
}
# The major version of the release's candidate qemu-system-x86 ("1:7.2+dfsg-7" gives 7), if any.
release_qemu_major() {
  { apt-cache policy qemu-system-x86 2>/dev/null || true; } \
    | awk '/Candidate:/{print $2}' | sed -n 's/^\([0-9]*:\)\{0,1\}\([0-9][0-9]*\)\..*/\2/p'
}
installed=$(qemu_major)
if [ -z "$installed" ] || [ "$installed" -lt "$QEMU_MIN_MAJOR" ]; then
  release=$(release_qemu_major)
  if [ -n "$release" ] && [ "$release" -ge "$QEMU_MIN_MAJOR" ]; then
    echo "testbed-setup: installing the release's QEMU ($release)"
    "${APT[@]}" install --no-install-recommends qemu-system-x86 qemu-utils
  else
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    uri=$(debian_archive)
    [ -n "$codename" ] && [ -n "$uri" ] || {
      echo "testbed-setup: this release's QEMU (${release:-none}) is older than $QEMU_MIN_MAJOR.0 and the Debian release or archive is unknown: install QEMU >= $QEMU_MIN_MAJOR.0 by hand" >&2
      exit 1
    }
    echo "testbed-setup: the release's QEMU (${release:-none}; installed: ${installed:-none}) loses guest writes in TCG live migration before $QEMU_MIN_MAJOR.0; installing QEMU from $codename-backports"
    state=$(mktemp -d)
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
    key=/usr/share/keyrings/debian-archive-keyring.gpg
    printf 'deb [signed-by=%s] %s %s main\ndeb [signed-by=%s] %s %s-backports main\n' \
      "$key" "$uri" "$codename" "$key" "$uri" "$codename" >"$state/sources.list"
    O=(-o "Dir::Etc::SourceList=$state/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache" -o APT::Sandbox::User=root)
    "${APT[@]}" "${O[@]}" update
    "${APT[@]}" "${O[@]}" install --no-install-recommends -t "$codename-backports" \
      qemu-system-x86 qemu-utils
    rm -rf "$state"
  fi
  installed=$(qemu_major)
  [ -n "$installed" ] && [ "$installed" -ge "$QEMU_MIN_MAJOR" ] || {
    echo "testbed-setup: no QEMU >= $QEMU_MIN_MAJOR.0 after the install ($(qemu-system-x86_64 --version 2>&1 | head -1)): install it by hand" >&2
    exit 1
  }
fi
echo "testbed-setup: $(qemu-system-x86_64 --version | head -1)"

# 2. The guest kernel, unpacked, not installed.
if [ ! -s "$CACHE/kernel/vmlinuz" ]; then
  pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  if [ -z "$pkg" ]; then
    "${APT[@]}" update
    pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  fi
  [ -n "$pkg" ] || { echo "testbed-setup: no linux-image-cloud-amd64 in the apt sources" >&2; exit 1; }
  echo "testbed-setup: fetching the guest kernel $pkg (unpacked into $CACHE/kernel, not installed)"
  tmp=$(mktemp -d)
  chmod 755 "$tmp"   # apt-get download drops to the _apt user
  (cd "$tmp" && apt-get -q download "$pkg")
  rm -rf "$CACHE/kernel.new" && mkdir -p "$CACHE/kernel.new"
  dpkg -x "$tmp"/*.deb "$CACHE/kernel.new/root"
  rm -rf "$tmp"
  cp "$CACHE"/kernel.new/root/boot/vmlinuz-* "$CACHE/kernel.new/vmlinuz"
  rm -rf "$CACHE/kernel" && mv "$CACHE/kernel.new" "$CACHE/kernel"
fi

# 3. The guest initramfs.
INITRD="$CACHE/initrd.cpio.gz"
# Contents only, not paths: other checkouts share the cache and must not rebuild it back and forth.
STAMP="$( (cat "$ROOT/scripts/guest/init" "$ROOT/scripts/guest/ferry-dirty.c"
  sed -n '/^# 3. The guest initramfs/,/^# 4. /p' "$0") | sha256sum | cut -c1-16)"
if [ ! -s "$INITRD" ] || [ "$(cat "$CACHE/initrd.stamp" 2>/dev/null)" != "$STAMP" ]; then
  echo "testbed-setup: building the guest initramfs"
  work=$(mktemp -d)
  mkdir -p "$work"/{bin,sbin,proc,sys,dev,tmp,lib/modules}
  cp /bin/busybox "$work/bin/busybox"
  for c in sh mount insmod ip ifconfig sleep cat echo mkdir date poweroff tar chroot; do ln -sf busybox "$work/bin/$c"; done
  moddir=$(ls -d "$CACHE"/kernel/root/lib/modules/* | head -1)
  for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_blk failover net_failover virtio_net; do
    f=$(find "$moddir/kernel" -name "$m.ko*" | head -1)
    [ -n "$f" ] || { echo "testbed-setup: module $m not in $moddir" >&2; exit 1; }
    case "$f" in
      *.xz) xz -dc "$f" >"$work/lib/modules/$m.ko" ;;
      *) cp "$f" "$work/lib/modules/$m.ko" ;;
    esac
  done
  gcc -O2 -static -o "$work/bin/ferry-dirty" "$ROOT/scripts/guest/ferry-dirty.c"
  cp "$ROOT/scripts/guest/init" "$work/init" && chmod 755 "$work/init"
  (cd "$work" && find . | cpio -o -H newc --quiet | gzip -1 >"$INITRD.new")
  mv "$INITRD.new" "$INITRD"
  echo "$STAMP" >"$CACHE/initrd.stamp"
  rm -rf "$work"
fi

# 4. The delay line.
DSTAMP="$(sha256sum <"$ROOT/scripts/native/nfq-delay.c" | cut -c1-16)"
if [ ! -x "$CACHE/nfq-delay" ] || [ "$(cat "$CACHE/nfq-delay.stamp" 2>/dev/null)" != "$DSTAMP" ]; then
  echo "testbed-setup: building nfq-delay"
  gcc -O2 -Wall -o "$CACHE/nfq-delay.new" "$ROOT/scripts/native/nfq-delay.c" -lnetfilter_queue -lnfnetlink
  mv "$CACHE/nfq-delay.new" "$CACHE/nfq-delay"
  echo "$DSTAMP" >"$CACHE/nfq-delay.stamp"
fi

# 5. CRIU >= 4.2 for container migration. The system's criu is used when it is 4.2 or newer and
#    passes `criu check`. Otherwise (bookworm ships 3.17, which fails on kernels >= 6.13; 4.1.1
#    cannot dump AF_INET sockets on kernels >= 6.16) Debian sid's criu and its libraries are
#    unpacked into a private prefix ($FERRY_CRIU_PREFIX, default /opt/ferry/criu) and run through
#    that prefix's own loader: the system's libc and apt configuration stay untouched. Ferry finds
#    it as $FERRY_CRIU_PREFIX/bin/criu.
PREFIX="${FERRY_CRIU_PREFIX:-/opt/ferry/criu}"
MIN_MAJOR=4
MIN_MINOR=2
say() { echo "testbed-setup: $*" >&2; }
die() { say "$*"; exit 1; }
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
  URI=$(debian_archive)
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

# 6. The guests' Java runtime disk: a jlink'd runtime (java.base and jdk.sctp: what the EPC
#    stand-ins use) with a CDS archive (the JVM starts about twice as fast under TCG with one),
#    the shared libraries it loads, and busybox. It is read-only and shared by every guest; the
#    application comes on a second disk (see scripts/guest/init).
JDK=""
for j in "${FERRY_GUEST_JDK:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/*17* /usr/lib/jvm/*; do
  if [ -n "$j" ] && [ -x "$j/bin/jlink" ] && [ -d "$j/jmods" ]; then JDK="$j"; break; fi
done
[ -n "$JDK" ] || die "no JDK with jlink and jmods under /usr/lib/jvm for the guests' Java runtime (set FERRY_GUEST_JDK)"
RT="$CACHE/guest-runtime.ext4"
RSTAMP="$( (cat "$JDK/release"; sed -n '/^# 6. The guests/,$p' "$0") | sha256sum | cut -c1-16)"
if [ ! -s "$RT" ] || [ "$(cat "$CACHE/guest-runtime.stamp" 2>/dev/null)" != "$RSTAMP" ]; then
  say "building the guests' Java runtime disk from $JDK"
  work=$(mktemp -d)
  mkdir -p "$work"/{bin,proc,dev,tmp,lib64,lib/x86_64-linux-gnu}
  "$JDK/bin/jlink" --add-modules java.base,jdk.sctp --strip-debug --no-header-files \
    --no-man-pages --output "$work/jre"
  "$work/jre/bin/java" -Xshare:dump -XX:+UseSerialGC >/dev/null
  for lib in $(find "$work/jre" -name '*.so' -exec ldd {} + 2>/dev/null \
      | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u); do
    cp -L "$lib" "$work/lib/x86_64-linux-gnu/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$work/lib64/"
  cp /bin/busybox "$work/bin/busybox"
  for c in sh cat sleep ls ip; do ln -sf busybox "$work/bin/$c"; done
  size=$(( $(du -sm "$work" | cut -f1) + 32 ))
  rm -f "$RT.new"
  mkfs.ext4 -q -F -d "$work" -L ferry-rt "$RT.new" "${size}M"
  mv "$RT.new" "$RT"
  echo "$RSTAMP" >"$CACHE/guest-runtime.stamp"
  rm -rf "$work"
fi

echo "testbed-setup: ready; artefacts in $CACHE (kernel/vmlinuz, initrd.cpio.gz, nfq-delay, guest-runtime.ext4); criu at $CRIU"
