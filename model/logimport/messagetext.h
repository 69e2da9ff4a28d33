// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The prompt text of a logged request, from the shapes chat APIs and their loggers use:
//   a list of messages {role, content} where content is a string or a list of parts
//   ({type: "text", text} in OpenAI's API, {type: "text", content} in OpenTelemetry's
//   gen_ai.input.messages), an object holding such a list under "messages" (a whole request
//   body), one message object, or plain text. `{}` (LiteLLM when prompts are not stored) is empty.
// The user's turns are kept; the system prompt and earlier answers only when there is no user
// turn at all. Tool definitions ("tools", "functions") are noted, not kept.

#include <simdjson.h>

#include <string>

namespace hs::logimport {

// Appends the prompt text (parts joined by newlines) to *out; sets *tools when the value
// carries tool definitions. Stops appending at `limit` bytes: families and capabilities look at
// the start of a prompt, and a hostile log may hold megabytes in one.
void appendPromptText(simdjson::dom::element value, std::string* out, bool* tools, std::size_t limit = 16384);

} // namespace hs::logimport
