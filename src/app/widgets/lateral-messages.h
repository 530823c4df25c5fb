/* lateral-messages.h: the one way every window and page tells the person
 * something, as a toast (a passing confirmation) or a message dialog (an
 * error or a question to read twice)
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void              lateral_messages_toast      (GtkWidget  *widget,
                                               const char *text);
AdwMessageDialog *lateral_messages_dialog_new (GtkWidget  *widget,
                                               const char *heading,
                                               const char *body);
void              lateral_messages_show       (GtkWidget  *widget,
                                               const char *heading,
                                               const char *body);

G_END_DECLS
