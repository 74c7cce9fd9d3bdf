// libinput only says, at debug level, "skip unconfigured input device" for a device udev has
// not processed: with no udevd (a bare initramfs, a container, a VM without it) every device is
// ignored and nothing says why. UdevProblem says it: it lists the input devices udev knows and
// counts those it has not processed (not initialized, or no ID_INPUT property).
#include "udev-check.h"

#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

namespace planar {

namespace {

struct EnumerateUnref { void operator()(udev_enumerate* e) const { udev_enumerate_unref(e); } };

}  // namespace

std::string UdevProblem(udev* u) {
  bool udevd_running = access("/run/udev/control", F_OK) == 0;
  std::vector<std::string> unprocessed;
  int total = 0;
  std::unique_ptr<udev_enumerate, EnumerateUnref> enumerate(udev_enumerate_new(u));
  if (!enumerate) return "";
  udev_enumerate_add_match_subsystem(enumerate.get(), "input");
  udev_enumerate_scan_devices(enumerate.get());
  for (udev_list_entry* entry = udev_enumerate_get_list_entry(enumerate.get()); entry; entry = udev_list_entry_get_next(entry)) {
    UdevDevicePtr device(udev_device_new_from_syspath(u, udev_list_entry_get_name(entry)));
    const char* node = device ? udev_device_get_devnode(device.get()) : nullptr;
    if (!node || std::strncmp(node, "/dev/input/event", 16) != 0) continue;
    total++;
    if (!udev_device_get_is_initialized(device.get()) || !udev_device_get_property_value(device.get(), "ID_INPUT")) unprocessed.push_back(node);
  }

  std::string list;
  for (size_t i = 0; i < unprocessed.size() && i < 4; i++) list += (i ? ", " : "") + unprocessed[i];
  if (unprocessed.size() > 4) list += ", …";
  const std::string counted = std::to_string(unprocessed.size()) + " of " + std::to_string(total) + " input devices (" + list + ")";
  if (!udevd_running && !unprocessed.empty()) {
    return "no udev database: libinput ignores every input device udev has not processed, here " + counted +
           " — start systemd-udevd (or eudev) and run `udevadm trigger --action=add --subsystem-match=input` and `udevadm settle` before the app";
  }
  if (!unprocessed.empty()) {
    return "udev has not processed " + counted + " yet: libinput ignores them until it has — if they never appear, run `udevadm trigger --action=add --subsystem-match=input`";
  }
  if (!udevd_running) return "udevd is not running (no /run/udev/control): input devices plugged in from now on will not be seen — start systemd-udevd (or eudev)";
  return "";
}

}  // namespace planar
