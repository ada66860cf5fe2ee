using System;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// Exceptions the AIC analyzers caught so that a bug never surfaces as AD0001 in a user's build: counted (tests
    /// assert the count does not move), and reported as AIC009 where the analysis of something was lost.
    /// </summary>
    internal static class AnalysisFailures
    {
        private static readonly char[] s_newlines = { '\r', '\n' };
        private static int s_count;
        private static Exception? s_last;

        public static int Count => Volatile.Read(ref s_count);

        public static Exception? Last => Volatile.Read(ref s_last);

        public static void Record(Exception exception)
        {
            Interlocked.Increment(ref s_count);
            Volatile.Write(ref s_last, exception);
        }

        /// <summary>The reason in AIC009: the exception type and the first line of its message.</summary>
        public static string Reason(Exception exception)
        {
            var message = exception.Message ?? string.Empty;
            var newline = message.IndexOfAny(s_newlines);
            if (newline >= 0)
            {
                message = message.Substring(0, newline);
            }

            message = message.Trim();
            return message.Length == 0 ? exception.GetType().Name : exception.GetType().Name + ": " + message;
        }

        /// <summary>How AIC009 names a method: a local function by its name, top-level statements as such, a member as Type.Member.</summary>
        public static string NameOf(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return method.Name;
            }

            if (method.Name == "<Main>$")
            {
                return "top-level statements";
            }

            return MethodAnalysis.TypeAndMember(method);
        }
    }
}
