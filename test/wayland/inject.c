/*
 * planar-inject: input for Planar's end-to-end tests on a headless wlroots compositor (sway),
 * whose seat has no devices of its own.
 *
 * It creates a virtual pointer (zwlr_virtual_pointer_v1) and a virtual keyboard
 * (zwp_virtual_keyboard_v1, with xkbcommon's "us" keymap sent through a memfd, or the layout
 * and variant given with `--layout us --variant intl`, which has dead keys), keeps them alive,
 * and reads one command a line on stdin:
 *
 *   move X Y           pointer to output pixel X,Y (motion_absolute over the output's mode)
 *   down | up          left button press | release
 *   key CODE down|up   an evdev key code (linux/input-event-codes.h) pressed | released
 *   mods DEPRESSED     the depressed-modifiers mask; wlroots does not derive modifiers from
 *                      virtual-keyboard keys, so a test sends them itself
 *
 * and answers each with "ok" once a wl_display_roundtrip has passed (the compositor has handled
 * it), or "error: <why>". On start it prints "ready shift=S ctrl=C alt=A logo=L" with the
 * keymap's modifier masks. At the end of stdin it destroys its devices and exits 0; a lost
 * connection exits 1 with the reason on stderr.
 *
 * `planar-inject --probe` instead prints "output WIDTHxHEIGHT scale N" for each output and
 * "global NAME VERSION" for each global, then exits: a readiness check for any compositor.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <wayland-client.h>
#include <xkbcommon/xkbcommon.h>

#include "virtual-keyboard-unstable-v1-client-protocol.h"
#include "wlr-virtual-pointer-unstable-v1-client-protocol.h"

#define BTN_LEFT 0x110
#define MAX_OUTPUTS 8

struct output {
	struct wl_output *proxy;
	int32_t width, height, scale;
};

static struct {
	struct wl_display *display;
	struct wl_seat *seat;
	struct zwlr_virtual_pointer_manager_v1 *pointer_manager;
	struct zwp_virtual_keyboard_manager_v1 *keyboard_manager;
	struct zwlr_virtual_pointer_v1 *pointer;
	struct zwp_virtual_keyboard_v1 *keyboard;
	struct output outputs[MAX_OUTPUTS];
	int output_count;
	int probe;
	const char *layout, *variant;
} app = {.layout = "us"};

static uint32_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint32_t)(ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static void output_geometry(void *data, struct wl_output *o, int32_t x, int32_t y, int32_t pw, int32_t ph,
			    int32_t subpixel, const char *make, const char *model, int32_t transform)
{
}

static void output_mode(void *data, struct wl_output *o, uint32_t flags, int32_t width, int32_t height, int32_t refresh)
{
	struct output *out = data;
	if (flags & WL_OUTPUT_MODE_CURRENT) {
		out->width = width;
		out->height = height;
	}
}

static void output_done(void *data, struct wl_output *o) {}

static void output_scale(void *data, struct wl_output *o, int32_t factor)
{
	((struct output *)data)->scale = factor;
}

static const struct wl_output_listener output_listener = {output_geometry, output_mode, output_done, output_scale};

static void global_added(void *data, struct wl_registry *registry, uint32_t name, const char *interface, uint32_t version)
{
	if (app.probe)
		printf("global %s %u\n", interface, version);
	if (!strcmp(interface, wl_seat_interface.name) && !app.seat) {
		app.seat = wl_registry_bind(registry, name, &wl_seat_interface, 1);
	} else if (!strcmp(interface, wl_output_interface.name) && app.output_count < MAX_OUTPUTS) {
		struct output *out = &app.outputs[app.output_count++];
		out->scale = 1;
		out->proxy = wl_registry_bind(registry, name, &wl_output_interface, version < 2 ? version : 2);
		wl_output_add_listener(out->proxy, &output_listener, out);
	} else if (!strcmp(interface, zwlr_virtual_pointer_manager_v1_interface.name)) {
		app.pointer_manager = wl_registry_bind(registry, name, &zwlr_virtual_pointer_manager_v1_interface, 1);
	} else if (!strcmp(interface, zwp_virtual_keyboard_manager_v1_interface.name)) {
		app.keyboard_manager = wl_registry_bind(registry, name, &zwp_virtual_keyboard_manager_v1_interface, 1);
	}
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name) {}

static const struct wl_registry_listener registry_listener = {global_added, global_removed};

static void fail(const char *what)
{
	fprintf(stderr, "planar-inject: %s\n", what);
	exit(1);
}

/* Waits until the compositor has handled every request sent so far. */
static void roundtrip(void)
{
	if (wl_display_roundtrip(app.display) < 0) {
		int err = wl_display_get_error(app.display);
		fprintf(stderr, "planar-inject: the connection to the compositor was lost (%s)\n", strerror(err ? err : EPIPE));
		exit(1);
	}
}

/* Sends the keymap of app.layout and app.variant to the virtual keyboard; returns it for the modifier masks. */
static struct xkb_keymap *send_keymap(void)
{
	struct xkb_context *context = xkb_context_new(XKB_CONTEXT_NO_FLAGS);
	if (!context)
		fail("xkbcommon could not create a context");
	struct xkb_rule_names names = {.layout = app.layout, .variant = app.variant};
	struct xkb_keymap *keymap = xkb_keymap_new_from_names(context, &names, XKB_KEYMAP_COMPILE_NO_FLAGS);
	if (!keymap)
		fail("xkbcommon could not compile the keymap of --layout and --variant (is xkb-data installed?)");
	char *text = xkb_keymap_get_as_string(keymap, XKB_KEYMAP_FORMAT_TEXT_V1);
	size_t size = strlen(text) + 1;
	int fd = memfd_create("planar-inject-keymap", MFD_CLOEXEC);
	if (fd < 0)
		fail("memfd_create failed for the keymap");
	for (size_t done = 0; done < size;) {
		ssize_t n = write(fd, text + done, size - done);
		if (n <= 0)
			fail("could not write the keymap into its memfd");
		done += (size_t)n;
	}
	zwp_virtual_keyboard_v1_keymap(app.keyboard, WL_KEYBOARD_KEYMAP_FORMAT_XKB_V1, fd, (uint32_t)size);
	close(fd);
	free(text);
	xkb_context_unref(context);
	return keymap;
}

static uint32_t mask_of(struct xkb_keymap *keymap, const char *name)
{
	xkb_mod_index_t index = xkb_keymap_mod_get_index(keymap, name);
	return index == XKB_MOD_INVALID ? 0 : 1u << index;
}

/* Runs one command line; returns NULL on success or why it failed. */
static const char *run(char *line)
{
	char arg[16] = "";
	long a = 0, b = 0;
	if (sscanf(line, "move %ld %ld", &a, &b) == 2) {
		roundtrip(); /* the output's current mode, after any resize */
		struct output *out = &app.outputs[0];
		if (!app.output_count || out->width <= 0 || out->height <= 0)
			return "the compositor has no output with a known mode";
		if (a < 0 || b < 0 || a >= out->width || b >= out->height)
			return "the point is outside the output";
		zwlr_virtual_pointer_v1_motion_absolute(app.pointer, now_ms(), (uint32_t)a, (uint32_t)b, (uint32_t)out->width, (uint32_t)out->height);
		zwlr_virtual_pointer_v1_frame(app.pointer);
	} else if (!strcmp(line, "down") || !strcmp(line, "up")) {
		int pressed = !strcmp(line, "down");
		zwlr_virtual_pointer_v1_button(app.pointer, now_ms(), BTN_LEFT,
					       pressed ? WL_POINTER_BUTTON_STATE_PRESSED : WL_POINTER_BUTTON_STATE_RELEASED);
		zwlr_virtual_pointer_v1_frame(app.pointer);
	} else if (sscanf(line, "key %ld %15s", &a, arg) == 2 && (!strcmp(arg, "down") || !strcmp(arg, "up"))) {
		if (a <= 0 || a > 0x2ff)
			return "the key code is not an evdev key code";
		zwp_virtual_keyboard_v1_key(app.keyboard, now_ms(), (uint32_t)a,
					    !strcmp(arg, "down") ? WL_KEYBOARD_KEY_STATE_PRESSED : WL_KEYBOARD_KEY_STATE_RELEASED);
	} else if (sscanf(line, "mods %ld", &a) == 1) {
		if (a < 0)
			return "the modifier mask is negative";
		zwp_virtual_keyboard_v1_modifiers(app.keyboard, (uint32_t)a, 0, 0, 0);
	} else {
		return "unknown command (the commands: move X Y, down, up, key CODE down|up, mods MASK)";
	}
	roundtrip();
	return NULL;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--probe")) {
			app.probe = 1;
		} else if (!strcmp(argv[i], "--layout") && i + 1 < argc) {
			app.layout = argv[++i];
		} else if (!strcmp(argv[i], "--variant") && i + 1 < argc) {
			app.variant = argv[++i];
		} else {
			fprintf(stderr, "usage: planar-inject [--probe] [--layout LAYOUT] [--variant VARIANT]   (commands on stdin; see the top of inject.c)\n");
			return 2;
		}
	}
	app.display = wl_display_connect(NULL);
	if (!app.display) {
		fprintf(stderr, "planar-inject: cannot connect to the compositor (WAYLAND_DISPLAY=%s, XDG_RUNTIME_DIR=%s): %s\n",
			getenv("WAYLAND_DISPLAY") ? getenv("WAYLAND_DISPLAY") : "unset",
			getenv("XDG_RUNTIME_DIR") ? getenv("XDG_RUNTIME_DIR") : "unset", strerror(errno));
		return 1;
	}
	struct wl_registry *registry = wl_display_get_registry(app.display);
	wl_registry_add_listener(registry, &registry_listener, NULL);
	roundtrip(); /* globals */
	roundtrip(); /* output modes */

	if (app.probe) {
		for (int i = 0; i < app.output_count; i++)
			if (app.outputs[i].width > 0)
				printf("output %dx%d scale %d\n", app.outputs[i].width, app.outputs[i].height, app.outputs[i].scale);
		wl_display_disconnect(app.display);
		return 0;
	}

	if (!app.seat || !app.pointer_manager || !app.keyboard_manager) {
		fprintf(stderr, "planar-inject: the compositor lacks %s, which input injection needs (sway and other wlroots compositors have them)\n",
			!app.seat ? "wl_seat" : !app.pointer_manager ? "zwlr_virtual_pointer_manager_v1" : "zwp_virtual_keyboard_manager_v1");
		return 3;
	}
	app.pointer = zwlr_virtual_pointer_manager_v1_create_virtual_pointer(app.pointer_manager, app.seat);
	app.keyboard = zwp_virtual_keyboard_manager_v1_create_virtual_keyboard(app.keyboard_manager, app.seat);
	struct xkb_keymap *keymap = send_keymap();
	roundtrip();
	printf("ready shift=%u ctrl=%u alt=%u logo=%u\n", mask_of(keymap, XKB_MOD_NAME_SHIFT), mask_of(keymap, XKB_MOD_NAME_CTRL),
	       mask_of(keymap, XKB_MOD_NAME_ALT), mask_of(keymap, XKB_MOD_NAME_LOGO));
	fflush(stdout);

	char line[256];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0])
			continue;
		const char *error = run(line);
		if (error)
			printf("error: %s: \"%s\"\n", error, line);
		else
			printf("ok\n");
		fflush(stdout);
	}

	zwlr_virtual_pointer_v1_destroy(app.pointer);
	zwp_virtual_keyboard_v1_destroy(app.keyboard);
	roundtrip();
	xkb_keymap_unref(keymap);
	wl_display_disconnect(app.display);
	return 0;
}
