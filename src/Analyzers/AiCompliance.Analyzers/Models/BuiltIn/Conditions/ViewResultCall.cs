namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// <c>Controller.View(…)</c> / <c>PartialView(…)</c>: the model goes to a view. Always a sink; the engine hands the
    /// model to the matching views of the compilation (<see cref="ViewInputs"/>), which report where they render it, and
    /// reports at the call only when no view of the compilation can be matched.
    /// </summary>
    internal sealed class ViewResultCall : SinkCondition
    {
        private ViewResultCall()
        {
        }

        public static ViewResultCall Instance { get; } = new ViewResultCall();

        public override string Name => "the model goes to the view of that name";

        public override bool Holds(CallSite site) => true;
    }
}
