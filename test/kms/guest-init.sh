#!/bin/sh
# /init of the KMS test VM (see vm.mjs): PID 1 of the initramfs, busybox only. qemu gives it
# virtio-9p shares: "hostroot" (the host's /, read-only), "share" (this run's transfer folder)
# and "rw0", "rw1", ... (host folders shared read-write, listed in /share/rw-dirs).
#
#   1. Load the modules listed in /lib/modules/order (virtio-pci, 9p, overlay, dependencies).
#   2. Mount the transfer folder on /share and read this run's settings from vm.conf.
#   3. Make the root: the host's / read-only under an overlay whose upper layer is a tmpfs
#      (writes succeed and vanish at power-off); proc, sys, dev, pts, shm and run in it; the rw
#      folders mounted over their own paths.
#   4. Load drm, drm_kms_helper without fbdev emulation (nothing lights the CRTC) and vkms.ko,
#      and wait for /dev/dri/card0; then the extra modules; then udevd, if asked for.
#   5. Run /share/command.sh with the host's bash, chrooted into that root, in a clean
#      environment; write its stdout, stderr and, last, its exit status into /share. Power off.
# A failure before the command writes the reason to /share/init-error and powers off without
# a status. Progress lines "planar-vm: <step> <uptime>" go to the serial console.

R=/newroot
P9=trans=virtio,version=9p2000.L,msize=512000
GUEST_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH=/bin

mark() { echo "planar-vm: $1 $(cut -d' ' -f1 /proc/uptime)"; }
fail() {
	echo "planar-vm: init failed: $*"
	[ -f /share/vm.conf ] && echo "$*" >/share/init-error
	sync
	poweroff -f
}
# A host tool run inside the root.
in_root() { PATH=$GUEST_PATH /bin/chroot $R "$@"; }

# 1.
mount -t proc proc /proc && mount -t sysfs sysfs /sys && mount -t devtmpfs devtmpfs /dev ||
	fail "mounting /proc, /sys and /dev"
mark start
while read -r ko; do
	insmod "/lib/modules/$ko" || fail "insmod $ko"
done </lib/modules/order

# 2. vm.conf sets VKMS_KO, VKMS_PARAMS, MODULES and UDEV.
mount -t 9p -o "$P9,cache=none" share /share || fail "mounting the transfer folder"
. /share/vm.conf

# 3.
mount -t 9p -o "$P9,cache=loose,ro" hostroot /host || fail "mounting the host's /"
mount -t tmpfs -o mode=0755 upper /rw && mkdir /rw/upper /rw/work || fail "mounting a tmpfs"
mount -t overlay -o lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work root $R ||
	fail "mounting the overlay on the host's /"
mount -t proc proc $R/proc && mount -t sysfs sysfs $R/sys && mount -t devtmpfs devtmpfs $R/dev &&
	mkdir -p $R/dev/pts $R/dev/shm &&
	mount -t devpts -o newinstance,ptmxmode=0666 devpts $R/dev/pts &&
	mount -t tmpfs -o mode=1777 shm $R/dev/shm &&
	mount -t tmpfs -o mode=0755 run $R/run ||
	fail "mounting proc, sys, dev, pts, shm and run in the root"
ln -sf /proc/self/fd $R/dev/fd
ln -sf /proc/self/fd/0 $R/dev/stdin
ln -sf /proc/self/fd/1 $R/dev/stdout
ln -sf /proc/self/fd/2 $R/dev/stderr
mkdir $R/run/planar-vm && mount --bind /share $R/run/planar-vm || fail "binding /share into the root"
i=0
while IFS= read -r dir; do
	mkdir -p "$R$dir" && mount -t 9p -o "$P9,cache=none" "rw$i" "$R$dir" || fail "mounting $dir read-write"
	i=$((i + 1))
done </share/rw-dirs
mark mounted

# 4.
in_root modprobe drm_kms_helper fbdev_emulation=0 || fail "modprobe drm_kms_helper"
deps=$(in_root modinfo -F depends "$VKMS_KO" | tr , ' ')
[ -z "$deps" ] || in_root modprobe -a $deps || fail "modprobe $deps (for vkms)"
in_root insmod "$VKMS_KO" $VKMS_PARAMS || fail "insmod $VKMS_KO $VKMS_PARAMS"
n=0
until [ -e $R/dev/dri/card0 ]; do
	n=$((n + 1))
	[ $n -le 200 ] || fail "/dev/dri/card0 did not appear within 10 s of loading vkms"
	usleep 50000
done
mark vkms
[ -z "$MODULES" ] || in_root modprobe -a $MODULES || fail "modprobe $MODULES"
if [ "$UDEV" = 1 ]; then
	# Without this, udevadm sees the chroot, says "Running in chroot, ignoring request" and exits 0.
	export SYSTEMD_IGNORE_CHROOT=1
	in_root /lib/systemd/systemd-udevd --daemon || fail "starting systemd-udevd"
	in_root udevadm trigger --action=add --subsystem-match=input --subsystem-match=drm || fail "udevadm trigger"
	in_root udevadm settle --timeout=60 || fail "udevadm settle"
	mark udev
fi

# 5.
mark command
env -i /bin/chroot $R /bin/bash /run/planar-vm/command.sh </dev/null >/share/stdout 2>/share/stderr
echo $? >/share/status.part && mv /share/status.part /share/status
mark done
sync
poweroff -f
