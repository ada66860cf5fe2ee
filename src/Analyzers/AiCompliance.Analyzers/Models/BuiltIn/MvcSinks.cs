namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: MVC controllers, and Razor views and pages.</summary>
        private static void MvcSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Mvc = "Microsoft.AspNetCore.Mvc.";
            foreach (var member in new[] { "Ok", "Content", "Created", "CreatedAtAction", "CreatedAtRoute", "Accepted", "AcceptedAtAction", "AcceptedAtRoute", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Problem", "File" })
            {
                Sink(m, Mvc + "ControllerBase", member, "Argument[*]", "ControllerBase." + member);
            }

            Sink(m, ModelEntry.AnyType, "*", "ReturnValue", "controller action '" + SinkRow.MemberPlaceholder + "'", ControllerAction.Instance);
            Sink(m, Mvc + "Controller", "Json", "Argument[*]", "Controller.Json");

            // The model of View(model) / PartialView(…) goes to a view: a view of the compilation reports where it renders
            // it (on the .cshtml line); without one (views of another project, a name the code does not tell), the call.
            foreach (var member in new[] { "View", "PartialView" })
            {
                Sink(m, Mvc + "Controller", member, "Argument[*]", "Controller." + member, ViewResultCall.Instance);
            }

            // Razor views and pages (.cshtml): what the generated page writes (@Model.Answer, @Html.Raw(text), an
            // attribute's value), reported on the .cshtml line. WriteLiteral is the page's own markup.
            Sink(m, Mvc + "Razor.RazorPageBase", "Write", "Argument[0]", RazorSinks.ViewWrite);
            Sink(m, Mvc + "Razor.RazorPageBase", "WriteAttributeValue", "Argument[2]", RazorSinks.ViewAttribute);

            // What a controller or page model puts into ViewData, ViewBag or TempData is for the view to show: a write
            // into them (ViewData["Answer"] = text, ViewBag.Answer = text) is a sink. Rows on the property; the engine
            // reports a write into an element or a dynamic member of a property that has a sink row: where a view of the
            // compilation renders the entry (ViewData / ViewBag with a constant key), else at the write.
            foreach (var type in new[] { Mvc + "Controller", Mvc + "RazorPages.PageModel", Mvc + "RazorPages.Page", Mvc + "Razor.RazorPageBase" })
            {
                foreach (var member in new[] { "ViewData", "ViewBag", "TempData" })
                {
                    Sink(m, type, member, "Argument[*]", member);
                }
            }
        }
    }
}
