// Why libinput sees no input devices, in words (see udev-check.cc).
#pragma once

#include <libudev.h>

#include <memory>
#include <string>

namespace planar {

struct UdevDeviceUnref { void operator()(udev_device* d) const { udev_device_unref(d); } };
using UdevDevicePtr = std::unique_ptr<udev_device, UdevDeviceUnref>;

// What is wrong with udev's view of the input devices, or "" when nothing is.
std::string UdevProblem(udev* u);

}  // namespace planar
