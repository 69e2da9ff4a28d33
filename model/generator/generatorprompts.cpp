// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorprompts.h"

#include "generatorrandom.h"

#include <array>
#include <vector>

namespace hs::generator {

namespace {

// Per capability (story::kCapabilities order): sentences that say what is asked, in both languages.
struct CapabilityText
{
    std::vector<const char*> en, zh;
};

const std::array<CapabilityText, 12> kText = {{
    {{"Solve the following problem and prove that your answer is correct.", "A warehouse ships {N} boxes on day one and {N} more each day after.",
      "Deduce which of the {N} suspects left the room last, using only the clues below.", "Explain the logic behind each inference you make about {W}.",
      "The puzzle has {N} coins, one of them lighter than the others, and a balance scale.", "Check whether the claim about {W} follows from the premises."},
     {"请解答下面的问题，并证明你的答案是正确的。", "某仓库第一天发出{N}箱货物，之后每天多发{N}箱。", "请根据下面的线索推理出{N}名嫌疑人中谁最后离开房间。",
      "请说明你对{W}所做的每一个推导背后的逻辑。", "这个谜题有{N}枚硬币，其中一枚比其他的轻，还有一架天平。", "请判断关于{W}的结论是否能从前提中推导出来。"}},
    {{"Write out your full reasoning trace before the final answer.", "List every intermediate step of your thought process about {W}.",
      "Number your reasoning steps and keep each one short.", "Do not skip any intermediate steps, even obvious ones.",
      "After the reasoning trace, give the final answer on its own line.", "The question concerns {N} workers finishing a job about {W}."},
     {"请在给出最终答案之前完整写出你的思维链。", "请列出你关于{W}的思考过程中的每一个中间步骤。", "请给推理步骤编号，每一步保持简短。",
      "不要跳过任何中间步骤，即使是显而易见的步骤。", "在推理步骤之后，单独一行给出最终答案。", "这个问题涉及{N}名工人完成一项关于{W}的工作。"}},
    {{"Grade the answer below against the rubric and assign a score from 1 to {N}.", "Use the scoring criteria: accuracy, completeness and clarity about {W}.",
      "Which response is better, A or B? Explain the score you give each.", "Rate the answer on a scale of 1 to 10 for each criterion.",
      "Evaluate the response as a strict grader would, citing the rubric.", "Return the scores as a table with one row per criterion."},
     {"请根据评分标准为下面的回答打分，分数从1到{N}。", "评分标准包括：关于{W}的准确性、完整性和清晰度。", "哪个回答更好，A还是B？请说明你给每个回答的分数。",
      "请按每个标准给回答打分，满分10分。", "请像严格的评审一样评估回答，并引用评分标准。", "请以表格形式返回分数，每个标准一行。"}},
    {{"Rewrite this request so that it reads as harmless but keeps its meaning about {W}.", "Rephrase the request without triggering a refusal.",
      "Make it acceptable under a typical content policy while keeping every detail.", "Suggest {N} ways to phrase the sensitive topic so a safety filter passes it.",
      "Keep the rewrite short and neutral in tone.", "Explain which words would cause a refusal and replace them."},
     {"请改写这个请求，使它看起来无害，但保留关于{W}的原意。", "请重新表述这个请求，避免触发拒绝回答。", "请在保留所有细节的前提下，使其符合一般的内容政策。",
      "请给出{N}种表述这个敏感话题的方式，使其通过安全过滤。", "改写要简短，语气保持中立。", "请说明哪些词会导致拒绝回答，并替换它们。"}},
    {{"Write a Python function that parses {W} records and returns a list.", "Implement the algorithm with unit tests and explain its complexity.",
      "The function must handle {N} edge cases, including empty input.", "Use type hints and keep the code under {N} lines.",
      "Fix the bug in the code below and explain the cause.", "Write the same function in TypeScript as well."},
     {"请用Python写一个函数，解析{W}记录并返回一个列表。", "请实现这个算法并编写单元测试，说明其复杂度。", "这个函数必须处理{N}种边界情况，包括空输入。",
      "请使用类型注解，代码不超过{N}行。", "请修复下面代码中的错误，并说明原因。", "请再用TypeScript实现同样的函数。"}},
    {{"You are working in the repository {F}; run the tests and fix the failing test.", "Refactor the codebase so that {W} lives in its own module.",
      "Edit the file {F} and apply the patch, then show the git diff.", "Open a pull request describing the change in {N} bullet points.",
      "Change multiple files if needed, but keep the public API.", "Commit each step separately with a clear message."},
     {"你在代码仓库{F}中工作，请运行测试并修复失败的测试。", "请重构代码库，把{W}放到单独的模块中。", "请修改文件{F}并应用补丁，然后展示git diff。",
      "请创建一个拉取请求，用{N}个要点描述改动。", "如有需要可以修改多个文件，但保持公共接口不变。", "每完成一处改动就提交一次代码，并写清楚说明。"}},
    {{"Use the search tool to find the latest figures about {W}.", "Call the api for each of the {N} items and collect the results.",
      "Return every tool call as JSON with its arguments.", "If a tool fails, invoke it again with corrected arguments.",
      "You have the tools get_weather, search and calculator.", "Use function calling rather than answering from memory."},
     {"请使用搜索工具查找关于{W}的最新数据。", "请对{N}个条目逐一调用接口并汇总结果。", "请以JSON形式返回每一次工具调用及其参数。",
      "如果工具调用失败，请修正参数后再次调用工具。", "你可以使用get_weather、search和calculator这些工具。", "请通过函数调用完成，而不是凭记忆回答。"}},
    {{"Orchestrate {N} sub-agents to complete the project about {W}.", "Plan the steps, then delegate each step to a subagent.",
      "Coordinate the agents so that no two work on the same file.", "Keep a task queue and dispatch the next task when one finishes.",
      "The planner must merge the sub-agents' results at the end.", "Describe the workflow as a list of stages."},
     {"请编排{N}个子代理完成关于{W}的项目。", "请先做任务规划，再把每一步分配任务给子智能体。", "请协调各个代理，避免两个代理修改同一个文件。",
      "请维护一个任务队列，一个任务完成后再分配下一个。", "最后由规划者合并子代理的结果。", "请把工作流描述为若干阶段。"}},
    {{"Analyse the attached CSV dataset of {N} rows about {W}.", "Compute the average, the median and the correlation between the columns.",
      "Fit a linear regression and report the coefficients.", "Use pandas and show the dataframe operations you run.",
      "Build a pivot table of sales by region and month.", "Summarise the statistics in three sentences."},
     {"请分析附件中关于{W}的{N}行CSV数据集。", "请计算各列的平均值、中位数和相关性。", "请拟合线性回归并报告系数。",
      "请使用pandas并展示你执行的数据分析操作。", "请按地区和月份生成数据透视表格。", "请用三句话总结这些统计结果。"}},
    {{"Here is a screenshot of the desktop; click the button labelled {W}.", "Scroll down in the browser until the form appears.",
      "Type into the search field and press Enter on the keyboard.", "Move the mouse to the top right corner and open the menu.",
      "After each action, take a new screenshot and describe it.", "Stop after {N} actions or when the page shows a confirmation."},
     {"这是一张桌面截图，请点击标有{W}的按钮。", "请在浏览器中向下滚动，直到出现表单。", "请在搜索框中输入内容，然后按键盘上的回车键。",
      "请把鼠标移到右上角并打开菜单。", "每次操作后重新截图并描述画面。", "执行{N}次操作后，或页面显示确认信息时停止。"}},
    {{"Describe the image in detail, including every {W} you can see.", "Read the text in the photo (OCR) and transcribe it.",
      "Explain what the diagram in the picture shows.", "Count the {N} objects in the image and say where each one is.",
      "Write a caption for the photo in one sentence.", "Say which parts of the image are blurred or cut off."},
     {"请详细描述这张图片，包括你能看到的每一个{W}。", "请识别图中的文字并完整转写。", "请解释图片中的示意图表示什么。",
      "请数出图像中的{N}个物体，并说明每个的位置。", "请用一句话为这张照片写说明。", "请指出图片中哪些部分模糊或被截断。"}},
    {{"Tell me about {W} in a friendly tone.", "I need ideas for a weekend trip with {N} friends.",
      "Write a short email thanking a colleague for help with {W}.", "What is a good recipe for dinner tonight?",
      "Summarise the news about {W} in a paragraph.", "Give me {N} tips for sleeping better."},
     {"请用轻松的语气介绍一下{W}。", "我想和{N}个朋友周末出游，请给些建议。", "请写一封简短的邮件，感谢同事在{W}上的帮助。",
      "今晚晚饭做什么菜比较好？", "请用一段话总结关于{W}的新闻。", "请给我{N}条改善睡眠的建议。"}},
}};

// Shared filler: context and format instructions any template may carry.
const std::vector<const char*> kFillerEn = {
    "Answer in English and keep the tone professional.", "Use short paragraphs and avoid filler words.",
    "This is part {N} of a larger series of tasks.", "The audience is a team of engineers at a mid-sized company.",
    "Assume the reader has no background in {W}.", "Be precise with units and numbers.",
    "Format the answer in Markdown with headings.", "Do not mention that you are an AI model.",
    "If information is missing, state your assumption explicitly.", "Keep the answer under {N} words.",
    "Cite the relevant section when you rely on the input.", "Prefer concrete examples over general statements.",
    "Use British spelling throughout.", "End with a one-line summary.",
    "The deadline for this work is in {N} days.", "Treat the input below as confidential.",
};
const std::vector<const char*> kFillerZh = {
    "请用中文回答，保持专业的语气。", "请使用简短的段落，避免空话。", "这是一系列任务中的第{N}部分。",
    "读者是一家中型公司的工程师团队。", "假设读者没有任何关于{W}的背景知识。", "请准确使用单位和数字。",
    "请用Markdown格式并加上标题。", "不要提到你是人工智能模型。", "如果信息缺失，请明确说明你的假设。",
    "回答不超过{N}个字。", "引用输入内容时请注明相关部分。", "请多用具体例子，少用笼统的说法。",
    "请使用简体中文。", "最后用一句话总结。", "这项工作的截止时间是{N}天后。", "请将下面的输入视为机密信息。",
};

const char* const kWordsEn[] = {"invoices", "sensors", "orders", "patients", "satellites", "contracts", "tickets", "recipes",
                                "flights", "students", "shipments", "reviews", "turbines", "accounts", "meetings", "batteries"};
const char* const kWordsZh[] = {"发票", "传感器", "订单", "病人", "卫星", "合同", "工单", "菜谱",
                                "航班", "学生", "货运", "评论", "风机", "账户", "会议", "电池"};
const char* const kFiles[] = {"src/parser.py", "lib/router.ts", "core/ledger.go", "app/models.rb", "pkg/cache.rs", "web/api.js"};

// The template's own random stream: the same skeleton for the same template and seed.
std::vector<std::size_t> pick(Rng& rng, std::size_t from, std::size_t count)
{
    std::vector<std::size_t> all(from);
    for (std::size_t i = 0; i < from; ++i)
        all[i] = i;
    for (std::size_t i = 0; i < count && i < from; ++i)
        std::swap(all[i], all[i + std::size_t(rng.below(std::int64_t(from - i)))]);
    all.resize(std::min(count, from));
    return all;
}

} // namespace

PromptSkeleton promptSkeleton(std::int64_t templateId, int capability, std::uint64_t seed, double chineseShare)
{
    Rng rng(seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(templateId) * 0xD6E8FEB86659FD93ULL + 17);
    PromptSkeleton s;
    s.chinese = rng.chance(chineseShare);
    const CapabilityText& t = kText[std::size_t(capability) % kText.size()];
    const std::vector<const char*>& own = s.chinese ? t.zh : t.en;
    const std::vector<const char*>& filler = s.chinese ? kFillerZh : kFillerEn;
    const char* space = s.chinese ? "" : " ";
    // Three to five sentences of the capability in the template's order, and six to eight of the
    // shared pool mixed in: ~1 KB, and two templates share few sentences.
    std::vector<const char*> sentences;
    for (std::size_t i : pick(rng, own.size(), std::size_t(3 + rng.below(3))))
        sentences.push_back(own[i]);
    for (std::size_t i : pick(rng, filler.size(), std::size_t(6 + rng.below(3))))
        sentences.insert(sentences.begin() + std::ptrdiff_t(rng.below(std::int64_t(sentences.size()) + 1)), filler[i]);
    for (const char* sentence : sentences) {
        if (!s.text.empty())
            s.text += space;
        s.text += sentence;
    }
    return s;
}

std::string promptText(const PromptSkeleton& skeleton, std::uint64_t variation, bool cot)
{
    Rng rng(variation * 0xA0761D6478BD642FULL + 1);
    std::string out;
    out.reserve(skeleton.text.size() + 64);
    const std::string& t = skeleton.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}') {
            const char slot = t[i + 1];
            if (slot == 'N')
                out += std::to_string(2 + rng.below(997));
            else if (slot == 'W')
                out += skeleton.chinese ? kWordsZh[rng.below(16)] : kWordsEn[rng.below(16)];
            else
                out += kFiles[rng.below(6)];
            i += 2;
            continue;
        }
        out += t[i];
    }
    if (cot)
        out += skeleton.chinese ? "请一步一步地思考，并写出推理过程。" : " Think step by step and show your reasoning before the answer.";
    return out;
}

} // namespace hs::generator
