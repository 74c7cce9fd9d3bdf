// Input: libinput's devices and events, read from the JS thread's event loop, to JS.
//
//   1. A libinput context is made for a seat (udev backend: every device udev assigns to the
//      seat, hot-plug included) or for a fixed list of /dev/input/event* nodes (path backend).
//      libinput opens each device through OpenRestricted, which remembers why an open failed
//      so that the error can say what to do about it.
//   2. libinput_get_fd() is an epoll fd over all its devices, its udev monitor and its timers.
//      A uv_poll watches it; when it is readable, libinput_dispatch() reads what is there
//      (never blocking) and queues events, which are drained and sent to JS one by one.
//      The same is done once right after creation, which delivers the devices already present.
//   3. Devices are configured when they are added (calibration matrix, flat acceleration,
//      keyboard LEDs) and kept referenced, so that setCalibration() reaches all of them.
//   4. Keys go through one xkbcommon state for the whole seat (keyboard.cc). A key or button
//      held on two devices is one press: only the seat-wide first press and last release are
//      sent. libinput drops the kernel's autorepeat; JS repeats held keys itself.
//   5. libinput's log (errors only) is gathered during its calls and sent as `warning` events
//      afterwards, never from inside libinput. A close() from a JS handler while events are
//      being drained is carried out once the drain is over (see Busy).
//
// Timestamps are libinput's (CLOCK_MONOTONIC), µs turned into ms.
#include "input.h"
#include "udev-check.h"
#include "seat.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "planar/compose-binding.h"
#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

namespace {

std::string StringOf(const Napi::Object& object, const char* key) {
  Napi::Value value = object.Get(key);
  return value.IsString() ? value.As<Napi::String>().Utf8Value() : "";
}

double Ms(uint64_t usec) { return static_cast<double>(usec) / 1000.0; }


// A calibration matrix from JS: six numbers, or nothing for null/undefined.
std::optional<std::array<float, 6>> MatrixOf(Napi::Env env, Napi::Value value) {
  if (!value.IsArray()) return std::nullopt;
  auto matrix = value.As<Napi::Array>();
  if (matrix.Length() != 6) throw Napi::TypeError::New(env, "the calibration matrix must have six numbers");
  std::array<float, 6> values{};
  for (uint32_t i = 0; i < 6; i++) values[i] = matrix.Get(i).ToNumber().FloatValue();
  return values;
}

// What a person can do about a device that would not open.
const char* OpenHint(int err) {
  switch (err) {
    case EACCES:
    case EPERM:
      return " — add the user to the \"input\" group or run under a seat manager";
    case ENOENT:
    case ENODEV:
    case ENXIO:
      return " — check that the device exists (ls -l /dev/input/) and is still plugged in";
    default:
      return "";
  }
}

Napi::Error OpenError(Napi::Env env, const std::string& path, int err) {
  auto error = Napi::Error::New(env, "cannot open " + path + ": " + std::strerror(err) + OpenHint(err));
  error.Set("errno", Napi::Number::New(env, err));
  return error;
}

}  // namespace

const struct libinput_interface Input::kInterface = {OpenRestricted, CloseRestricted};

Napi::Function Input::Define(Napi::Env env) {
  return DefineClass(env, "Input", {
    InstanceMethod<&Input::SetOutputSize>("setOutputSize"),
    InstanceMethod<&Input::SetCalibration>("setCalibration"),
    InstanceMethod<&Input::Suspend>("suspend"),
    InstanceMethod<&Input::Resume>("resume"),
    InstanceMethod<&Input::Close>("close"),
  });
}

// new Input(emit, { backend, seat, devices, keymap, calibration, flatAcceleration })
Input::Input(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Input>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsFunction() || !info[1].IsObject()) {
    throw Napi::TypeError::New(env, "new Input(emit, options): emit must be a function and options an object");
  }
  auto options = info[1].As<Napi::Object>();

  KeymapNames names;
  if (options.Get("keymap").IsObject()) {
    auto keymap = options.Get("keymap").As<Napi::Object>();
    names = {StringOf(keymap, "rules"), StringOf(keymap, "model"), StringOf(keymap, "layout"), StringOf(keymap, "variant"), StringOf(keymap, "options")};
  }
  try {
    keyboard_ = std::make_unique<Keyboard>(names);
  } catch (const std::runtime_error& error) {
    throw Napi::Error::New(env, error.what());
  }
  if (!keyboard_->compose_problem.empty()) warnings_.push_back(keyboard_->compose_problem);

  calibration_ = MatrixOf(env, options.Get("calibration"));
  // Devices open through the seat manager when the display has one (no root, no input group).
  seat_ = Seat::From(options.Get("seatManager"));
  if (seat_) seat_ref_ = Napi::Persistent(options.Get("seatManager").As<Napi::Object>());
  flat_acceleration_ = options.Get("flatAcceleration").ToBoolean();

  emit_ = Napi::Persistent(info[0].As<Napi::Function>());
  async_ = std::make_unique<Napi::AsyncContext>(env, "planar:input");
  udev_.reset(udev_new());
  if (!udev_) throw ErrnoError(env, "cannot create a udev context");

  // The destructor does not run for a constructor that throws: let go of the poll here.
  try {
    if (StringOf(options, "backend") == "path") {
      std::vector<std::string> paths;
      if (options.Get("devices").IsArray()) {
        auto list = options.Get("devices").As<Napi::Array>();
        for (uint32_t i = 0; i < list.Length(); i++) paths.push_back(list.Get(i).ToString().Utf8Value());
      }
      OpenPaths(env, paths);
    } else {
      std::string seat = StringOf(options, "seat");
      OpenUdev(env, seat.empty() ? "seat0" : seat);
    }
    StartPolling(env);
    Dispatch();
  } catch (...) {
    Teardown();
    throw;
  }
}

Input::~Input() { Teardown(); }

void Input::OpenUdev(Napi::Env env, const std::string& seat) {
  libinput_.reset(libinput_udev_create_context(&kInterface, this, udev_.get()));
  if (!libinput_) throw ErrnoError(env, "cannot create a libinput context");
  libinput_log_set_handler(libinput_.get(), Log);
  libinput_log_set_priority(libinput_.get(), LIBINPUT_LOG_PRIORITY_ERROR);
  if (libinput_udev_assign_seat(libinput_.get(), seat.c_str()) != 0) {
    throw Napi::Error::New(env, "libinput cannot read the input devices of seat \"" + seat + "\" from udev — is /sys mounted and udev available?");
  }
  std::string problem = UdevProblem(udev_.get());
  if (!problem.empty()) warnings_.push_back(problem);
}

void Input::OpenPaths(Napi::Env env, const std::vector<std::string>& paths) {
  if (paths.empty()) throw Napi::Error::New(env, "the path backend needs at least one device (PLANAR_INPUT_DEVICES=/dev/input/event0,...)");
  libinput_.reset(libinput_path_create_context(&kInterface, this));
  if (!libinput_) throw ErrnoError(env, "cannot create a libinput context");
  libinput_log_set_handler(libinput_.get(), Log);
  libinput_log_set_priority(libinput_.get(), LIBINPUT_LOG_PRIORITY_ERROR);
  for (const std::string& path : paths) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) throw OpenError(env, path, errno);
    // Without a udev record libinput waits ~2 s for udev before giving up on the device:
    // say why straight away instead.
    UdevDevicePtr record(S_ISCHR(st.st_mode) ? udev_device_new_from_devnum(udev_.get(), 'c', st.st_rdev) : nullptr);
    if (!record || !udev_device_get_is_initialized(record.get())) {
      throw Napi::Error::New(env, "udev has no record of " + path + " (no udev database): libinput needs one for the path backend too" +
                                      " — start systemd-udevd (or eudev) and run `udevadm trigger --action=add --subsystem-match=input`");
    }
    open_errors_.erase(path);
    if (libinput_path_add_device(libinput_.get(), path.c_str())) continue;
    auto failed = open_errors_.find(path);
    if (failed != open_errors_.end()) throw OpenError(env, path, failed->second);
    throw Napi::Error::New(env, "libinput cannot use " + path + " — is it an evdev device (/dev/input/event*)?");
  }
}

void Input::StartPolling(Napi::Env env) {
  uv_loop_t* loop = nullptr;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok || !loop) throw Napi::Error::New(env, "cannot get the event loop");
  poll_ = new uv_poll_t;
  int status = uv_poll_init(loop, poll_, libinput_get_fd(libinput_.get()));
  if (status < 0) {
    delete poll_;
    poll_ = nullptr;
    throw Napi::Error::New(env, std::string("cannot watch libinput's fd: ") + uv_strerror(status));
  }
  poll_->data = this;
  uv_poll_start(poll_, UV_READABLE, OnPoll);
}

int Input::OpenRestricted(const char* path, int flags, void* data) {
  auto* self = static_cast<Input*>(data);
  int fd = self->seat_ ? self->seat_->Open(path) : open(path, flags | O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0) {
    if (self->seat_) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    live_counts.fds++;  // libinput holds it until CloseRestricted
    return fd;
  }
  int err = self->seat_ ? -fd : errno;
  self->open_errors_[path] = err;
  self->warnings_.push_back(std::string("cannot open ") + path + ": " + std::strerror(err) + OpenHint(err));
  return -err;
}

void Input::CloseRestricted(int fd, void* data) {
  auto* self = static_cast<Input*>(data);
  live_counts.fds--;
  if (self->seat_) {
    self->seat_->Close(fd);
  } else {
    close(fd);
  }
}

void Input::Log(libinput* li, enum libinput_log_priority, const char* format, va_list args) {
  auto* self = static_cast<Input*>(libinput_get_user_data(li));
  char line[512];
  vsnprintf(line, sizeof line, format, args);
  std::string message = std::string("libinput: ") + line;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (self) self->warnings_.push_back(message);
}

void Input::OnPoll(uv_poll_t* handle, int status, int) {
  auto* self = static_cast<Input*>(handle->data);
  if (!self) return;
  Napi::Env env = self->Env();
  Napi::HandleScope scope(env);
  if (status < 0) {
    uv_poll_stop(handle);
    self->warnings_.push_back(std::string("input stopped: polling libinput's fd failed: ") + uv_strerror(status));
  }
  // A handler that throws from here has no JS caller: its error becomes an uncaught exception.
  try {
    self->Dispatch();
  } catch (const Napi::Error& error) {
    napi_fatal_exception(env, error.Value());
  }
}

Input::Busy::Busy(Input* input) : input_(input) {
  input_->busy_++;
  input_->Ref();
}

Input::Busy::~Busy() {
  if (--input_->busy_ == 0 && input_->close_requested_) input_->Teardown();
  input_->Unref();
}

void Input::Dispatch() {
  if (!libinput_) return;
  Busy busy(this);
  int status = libinput_dispatch(libinput_.get());
  if (status < 0) warnings_.push_back(std::string("libinput could not read its devices: ") + std::strerror(-status));
  while (libinput_ && !close_requested_) {
    EventPtr event(libinput_get_event(libinput_.get()));
    if (!event) break;
    Handle(event.get());
  }
  while (!warnings_.empty() && !close_requested_) {
    std::string message = std::move(warnings_.front());
    warnings_.erase(warnings_.begin());
    Emit("warning", [&](Napi::Object& e) { e.Set("message", message); });
  }
}

void Input::Handle(libinput_event* event) {
  switch (libinput_event_get_type(event)) {
    case LIBINPUT_EVENT_DEVICE_ADDED:
      return DeviceChanged(libinput_event_get_device(event), true);
    case LIBINPUT_EVENT_DEVICE_REMOVED:
      return DeviceChanged(libinput_event_get_device(event), false);
    case LIBINPUT_EVENT_POINTER_MOTION:
    case LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE:
    case LIBINPUT_EVENT_POINTER_BUTTON:
    case LIBINPUT_EVENT_POINTER_SCROLL_WHEEL:
    case LIBINPUT_EVENT_POINTER_SCROLL_FINGER:
    case LIBINPUT_EVENT_POINTER_SCROLL_CONTINUOUS:
      return Pointer(event);
    case LIBINPUT_EVENT_TOUCH_DOWN:
    case LIBINPUT_EVENT_TOUCH_MOTION:
    case LIBINPUT_EVENT_TOUCH_UP:
    case LIBINPUT_EVENT_TOUCH_CANCEL:
    case LIBINPUT_EVENT_TOUCH_FRAME:
      return Touch(event);
    case LIBINPUT_EVENT_KEYBOARD_KEY:
      return Key(event);
    default:
      // LIBINPUT_EVENT_POINTER_AXIS repeats the scroll events above for older clients;
      // gestures, tablets and switches are not used.
      return;
  }
}

void Input::DeviceChanged(libinput_device* device, bool added) {
  if (added) {
    devices_.emplace_back(libinput_device_ref(device));
    Configure(device);
  } else {
    for (auto it = devices_.begin(); it != devices_.end(); ++it) {
      if (it->get() != device) continue;
      devices_.erase(it);
      break;
    }
  }
  Emit("device", [&](Napi::Object& e) {
    e.Set("added", added);
    e.Set("name", libinput_device_get_name(device));
    e.Set("sysname", libinput_device_get_sysname(device));
    e.Set("pointer", libinput_device_has_capability(device, LIBINPUT_DEVICE_CAP_POINTER) != 0);
    e.Set("keyboard", libinput_device_has_capability(device, LIBINPUT_DEVICE_CAP_KEYBOARD) != 0);
    e.Set("touch", libinput_device_has_capability(device, LIBINPUT_DEVICE_CAP_TOUCH) != 0);
  });
}

void Input::Configure(libinput_device* device) {
  if (calibration_ && libinput_device_config_calibration_has_matrix(device)) {
    if (libinput_device_config_calibration_set_matrix(device, calibration_->data()) != LIBINPUT_CONFIG_STATUS_SUCCESS) {
      warnings_.push_back(std::string("libinput refused the calibration matrix for ") + libinput_device_get_name(device));
    }
  }
  if (flat_acceleration_ && libinput_device_config_accel_is_available(device) &&
      (libinput_device_config_accel_get_profiles(device) & LIBINPUT_CONFIG_ACCEL_PROFILE_FLAT)) {
    libinput_device_config_accel_set_profile(device, LIBINPUT_CONFIG_ACCEL_PROFILE_FLAT);
    libinput_device_config_accel_set_speed(device, 0);
  }
  if (libinput_device_has_capability(device, LIBINPUT_DEVICE_CAP_KEYBOARD)) {
    libinput_device_led_update(device, static_cast<enum libinput_led>(leds_));
  }
}

void Input::Pointer(libinput_event* event) {
  auto* p = libinput_event_get_pointer_event(event);
  double time = Ms(libinput_event_pointer_get_time_usec(p));
  switch (libinput_event_get_type(event)) {
    case LIBINPUT_EVENT_POINTER_MOTION:
      return Emit("motion", [&](Napi::Object& e) {
        e.Set("time", time);
        e.Set("dx", libinput_event_pointer_get_dx(p));
        e.Set("dy", libinput_event_pointer_get_dy(p));
        e.Set("unacceleratedDx", libinput_event_pointer_get_dx_unaccelerated(p));
        e.Set("unacceleratedDy", libinput_event_pointer_get_dy_unaccelerated(p));
      });
    case LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE:
      return Emit("motion-absolute", [&](Napi::Object& e) {
        e.Set("time", time);
        e.Set("x", libinput_event_pointer_get_absolute_x_transformed(p, width_));
        e.Set("y", libinput_event_pointer_get_absolute_y_transformed(p, height_));
      });
    case LIBINPUT_EVENT_POINTER_BUTTON: {
      bool pressed = libinput_event_pointer_get_button_state(p) == LIBINPUT_BUTTON_STATE_PRESSED;
      uint32_t held = libinput_event_pointer_get_seat_button_count(p);
      if (pressed ? held != 1 : held != 0) return;
      return Emit("button", [&](Napi::Object& e) {
        e.Set("time", time);
        e.Set("button", libinput_event_pointer_get_button(p));
        e.Set("pressed", pressed);
      });
    }
    default: {
      auto type = libinput_event_get_type(event);
      bool wheel = type == LIBINPUT_EVENT_POINTER_SCROLL_WHEEL;
      auto value = [&](enum libinput_pointer_axis axis) {
        return libinput_event_pointer_has_axis(p, axis) ? libinput_event_pointer_get_scroll_value(p, axis) : 0.0;
      };
      auto v120 = [&](enum libinput_pointer_axis axis) {
        return wheel && libinput_event_pointer_has_axis(p, axis) ? libinput_event_pointer_get_scroll_value_v120(p, axis) : 0.0;
      };
      return Emit("scroll", [&](Napi::Object& e) {
        e.Set("time", time);
        e.Set("source", wheel ? "wheel" : type == LIBINPUT_EVENT_POINTER_SCROLL_FINGER ? "finger" : "continuous");
        e.Set("dx", value(LIBINPUT_POINTER_AXIS_SCROLL_HORIZONTAL));
        e.Set("dy", value(LIBINPUT_POINTER_AXIS_SCROLL_VERTICAL));
        e.Set("v120x", v120(LIBINPUT_POINTER_AXIS_SCROLL_HORIZONTAL));
        e.Set("v120y", v120(LIBINPUT_POINTER_AXIS_SCROLL_VERTICAL));
      });
    }
  }
}

void Input::Touch(libinput_event* event) {
  auto type = libinput_event_get_type(event);
  auto* t = libinput_event_get_touch_event(event);
  double time = Ms(libinput_event_touch_get_time_usec(t));
  const char* kind = type == LIBINPUT_EVENT_TOUCH_DOWN     ? "down"
                     : type == LIBINPUT_EVENT_TOUCH_MOTION ? "motion"
                     : type == LIBINPUT_EVENT_TOUCH_UP     ? "up"
                     : type == LIBINPUT_EVENT_TOUCH_CANCEL ? "cancel"
                                                           : "frame";
  bool positioned = type == LIBINPUT_EVENT_TOUCH_DOWN || type == LIBINPUT_EVENT_TOUCH_MOTION;
  Emit("touch", [&](Napi::Object& e) {
    e.Set("kind", kind);
    e.Set("time", time);
    if (type == LIBINPUT_EVENT_TOUCH_FRAME) return;
    e.Set("slot", libinput_event_touch_get_seat_slot(t));
    if (!positioned) return;
    e.Set("x", libinput_event_touch_get_x_transformed(t, width_));
    e.Set("y", libinput_event_touch_get_y_transformed(t, height_));
  });
}

void Input::Key(libinput_event* event) {
  auto* k = libinput_event_get_keyboard_event(event);
  bool pressed = libinput_event_keyboard_get_key_state(k) == LIBINPUT_KEY_STATE_PRESSED;
  uint32_t held = libinput_event_keyboard_get_seat_key_count(k);
  if (pressed ? held != 1 : held != 0) return;
  uint32_t code = libinput_event_keyboard_get_key(k);
  KeyResult key = keyboard_->Key(code, pressed);
  uint32_t leds = keyboard_->Leds();
  if (leds != leds_) {
    leds_ = leds;
    for (auto& device : devices_) {
      if (libinput_device_has_capability(device.get(), LIBINPUT_DEVICE_CAP_KEYBOARD)) libinput_device_led_update(device.get(), static_cast<enum libinput_led>(leds_));
    }
  }
  Emit("key", [&](Napi::Object& e) {
    e.Set("time", Ms(libinput_event_keyboard_get_time_usec(k)));
    e.Set("code", code);
    e.Set("pressed", pressed);
    e.Set("name", key.name);
    e.Set("text", key.text);
    e.Set("character", key.character);
    e.Set("repeats", key.repeats);
    e.Set("shift", key.shift);
    e.Set("ctrl", key.ctrl);
    e.Set("alt", key.alt);
    e.Set("meta", key.meta);
    if (!key.composition.empty()) e.Set("composition", CompositionEventsToJs(e.Env(), key.composition));
  });
}

void Input::Emit(const char* type, const std::function<void(Napi::Object&)>& fill) {
  if (emit_.IsEmpty()) return;
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  auto event = Napi::Object::New(env);
  fill(event);
  emit_.MakeCallback(Value(), {Napi::String::New(env, type), event}, *async_);
}

// setOutputSize(width, height): the size absolute pointer and touch positions are scaled to.
Napi::Value Input::SetOutputSize(const Napi::CallbackInfo& info) {
  width_ = info[0].ToNumber().Uint32Value();
  height_ = info[1].ToNumber().Uint32Value();
  return info.Env().Undefined();
}

// setCalibration(matrix | null): the six numbers of LIBINPUT_CALIBRATION_MATRIX for every
// device that takes one, now and when one is plugged in; null restores each device's default.
Napi::Value Input::SetCalibration(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  calibration_ = MatrixOf(env, info[0]);
  for (auto& device : devices_) {
    if (!libinput_device_config_calibration_has_matrix(device.get())) continue;
    float defaults[6];
    libinput_device_config_calibration_get_default_matrix(device.get(), defaults);
    libinput_device_config_calibration_set_matrix(device.get(), calibration_ ? calibration_->data() : defaults);
  }
  return env.Undefined();
}

// suspend(): closes every device (they are reported removed) until resume(); for when the
// display loses DRM master or the VT.
Napi::Value Input::Suspend(const Napi::CallbackInfo& info) {
  if (libinput_) {
    libinput_suspend(libinput_.get());
    Dispatch();
  }
  // JS ends the composition it was showing (input.ts).
  if (keyboard_) keyboard_->CancelCompose();
  return info.Env().Undefined();
}

// resume(): opens the devices again (they are reported added).
Napi::Value Input::Resume(const Napi::CallbackInfo& info) {
  if (libinput_) {
    if (libinput_resume(libinput_.get()) != 0) warnings_.push_back("libinput could not resume: devices stay closed");
    Dispatch();
  }
  return info.Env().Undefined();
}

// close(): stops reading and frees everything; safe to call twice, and from an event handler.
Napi::Value Input::Close(const Napi::CallbackInfo& info) {
  if (busy_) {
    close_requested_ = true;
    emit_.Reset();
  } else {
    Teardown();
  }
  return info.Env().Undefined();
}

void Input::Teardown() {
  if (poll_) {
    poll_->data = nullptr;
    uv_poll_stop(poll_);
    uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* handle) { delete reinterpret_cast<uv_poll_t*>(handle); });
    poll_ = nullptr;
  }
  devices_.clear();
  libinput_.reset();
  udev_.reset();
  keyboard_.reset();
  emit_.Reset();
  warnings_.clear();
  close_requested_ = false;
}

}  // namespace planar
