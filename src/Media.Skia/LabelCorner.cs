namespace AiCompliance.Skia
{
    /// <summary>Where <see cref="AiVisibleLabel"/> puts the label: a corner of the image (the band touches both of its edges).</summary>
    public enum LabelCorner
    {
        /// <summary>The bottom right corner (the default).</summary>
        BottomRight,

        /// <summary>The bottom left corner.</summary>
        BottomLeft,

        /// <summary>The top right corner.</summary>
        TopRight,

        /// <summary>The top left corner.</summary>
        TopLeft,
    }
}
