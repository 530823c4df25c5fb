/* bench-frame.h: report the first frame of a window, for start-up benchmarks
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the floor program and the harness around Lateral's own window,
 * so both measure the same event the same way: the end of the first paint
 * of the first window, on CLOCK_MONOTONIC (the clock the runner reads just
 * before it starts the program), and the peak resident memory at that moment.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bench_frame_watch_application (GtkApplication *app);

G_END_DECLS
