namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// What the Razor SDK generates for MVC views and Razor Pages (.cshtml), and how MVC finds a view, as the analysis of
    /// views uses it (<see cref="ViewInputs"/>). Read from the .NET 10 SDK's Razor source generator output: a class
    /// <c>AspNetCoreGeneratedDocument.Views_Home_Index : RazorPage&lt;TModel&gt;</c> (a page: <c>Page</c>) carrying
    /// <c>[RazorCompiledItemMetadata("Identifier", "/Views/Home/Index.cshtml")]</c>, whose <c>ExecuteAsync</c> calls
    /// <c>Write(Model.Answer)</c>, <c>Write(ViewData["Answer"])</c> and <c>Write(ViewBag.Answer)</c> (a dynamic call).
    /// </summary>
    internal static class MvcViews
    {
        /// <summary>The attribute of a generated view class naming its .cshtml file, and the metadata key it uses.</summary>
        public const string CompiledItemMetadata = "RazorCompiledItemMetadataAttribute";
        public const string CompiledItemMetadataShort = "RazorCompiledItemMetadata";
        public const string IdentifierKey = "Identifier";

        /// <summary>The base of a view with a model: its <c>Model</c> property is what <c>View(model)</c> passed.</summary>
        public const string RazorPageOfModel = "Microsoft.AspNetCore.Mvc.Razor.RazorPage`1";

        /// <summary>The base of every view and page: its <c>ViewData</c> and <c>ViewBag</c> are the request's view data.</summary>
        public const string RazorPageBase = "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase";

        /// <summary>The view data dictionary (keys case-insensitive); <c>ViewBag.X</c> is its entry "X".</summary>
        public const string ViewDataDictionary = "Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary";

        public const string ViewData = "ViewData";
        public const string ViewBag = "ViewBag";
        public const string Model = "Model";

        /// <summary>The parameter of <c>View</c> / <c>PartialView</c> that names the view, and the one that is the model.</summary>
        public const string ViewNameParameter = "viewName";
        public const string ModelParameter = "model";

        /// <summary>
        /// Where MVC looks for a view of a controller (the default <c>RazorViewEngineOptions.ViewLocationFormats</c> and
        /// <c>AreaViewLocationFormats</c>, and Razor Pages' shared folder): {0} the view name, {1} the controller. Matched as
        /// the end of an identifier, so area folders match too.
        /// </summary>
        public static readonly string[] ViewLocations = { "/Views/{1}/{0}.cshtml", "/Views/Shared/{0}.cshtml", "/Pages/Shared/{0}.cshtml" };

        /// <summary>
        /// Calls in a view that render its model, or hand it on, in ways the analysis does not follow into another view:
        /// expression helpers (<c>Html.DisplayFor(m =&gt; m.Answer)</c>, <c>EditorForModel()</c>, the <c>asp-for</c> tag
        /// helpers' <c>CreateModelExpression</c>), partial views (which get the parent's model when given none) and view
        /// components. A view that makes one is not matched: the content is reported where it is handed to the view.
        /// </summary>
        public static bool HandsModelOn(string calledName) =>
            calledName.EndsWith("For", System.StringComparison.Ordinal) || calledName.EndsWith("ForModel", System.StringComparison.Ordinal) ||
            calledName.StartsWith("Partial", System.StringComparison.Ordinal) || calledName.StartsWith("RenderPartial", System.StringComparison.Ordinal) ||
            calledName is "CreateModelExpression" or "InvokeAsync";

        /// <summary>
        /// Tag helpers a view may create that render nothing of the model by themselves (the framework's, but its partial
        /// and view-component helpers); any other (the app's own, given <c>text="@Model.Answer"</c>) renders what it is
        /// given in code the analysis does not tie to the view, so the view is not matched.
        /// </summary>
        public static bool IsPlainTagHelper(string typeName) =>
            typeName.Replace("global::", string.Empty).StartsWith("Microsoft.AspNetCore.Mvc.TagHelpers.", System.StringComparison.Ordinal) &&
            !typeName.EndsWith("PartialTagHelper", System.StringComparison.Ordinal);

        /// <summary>Members of <c>ViewData</c> that read no entry.</summary>
        public static bool ReadsNoEntry(string member) =>
            member is "Model" or "ModelState" or "ModelMetadata" or "ModelExplorer" or "TemplateInfo" or "ContainsKey" or "Count";
    }
}
