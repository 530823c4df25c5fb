/* lateral-language.h: naming the language a pack is written in
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *lateral_language_get_autonym (const char *tag);

G_END_DECLS
