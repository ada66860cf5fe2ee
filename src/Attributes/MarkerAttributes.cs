using System;

namespace AiCompliance
{
    /// <summary>
    /// Marks a method whose return value is labeled AI content (a sanitizer for AIC001). The generated
    /// <c>Label</c> overloads carry it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class AiContentLabelerAttribute : Attribute
    {
    }

    /// <summary>Marks a source of AI-generated content: a method's or property's value, or a return value.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = true)]
    public sealed class AiGeneratedAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks a user-facing output (a sink for AIC001): a parameter whose argument a user sees, or a method whose
    /// arguments all reach a user.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class UserFacingAttribute : Attribute
    {
    }
}
