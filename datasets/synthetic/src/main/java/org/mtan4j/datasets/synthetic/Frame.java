package org.mtan4j.datasets.synthetic;

/**
 * A rendered sample as flat float arrays in the layouts of the targets: {@code rgb} and
 * {@code normals} are planar {@code (3, H, W)}, {@code labels} and {@code depth} are {@code (H, W)}.
 * Invalid pixels have label -1, depth 0 and an all-zero normal.
 *
 * <p>The arrays are not copied: a frame belongs to the thread that rendered it.
 *
 * @param height rows
 * @param width columns
 * @param focal focal length in pixels; pixel (u, v) looks along camera direction
 *     {@code ((u + 0.5 - W / 2) / focal, (v + 0.5 - H / 2) / focal, 1)}
 * @param camera the camera that took it
 * @param rgb colour in [0, 1]
 * @param labels class labels, -1 where invalid
 * @param depth depth along the camera z axis in metres, 0 where invalid
 * @param normals unit normals in camera axes facing the camera, zero where invalid
 */
record Frame(int height, int width, double focal, Camera camera, float[] rgb, float[] labels, float[] depth,
        float[] normals) {

    /**
     * The mirror image, as if the scene were mirrored left to right: columns reversed and the normals'
     * x component negated (the principal point is the image centre, so the geometry stays consistent).
     */
    Frame flipped() {
        int plane = height * width;
        float[] rgbOut = new float[rgb.length];
        float[] labelsOut = new float[plane];
        float[] depthOut = new float[plane];
        float[] normalsOut = new float[normals.length];
        for (int v = 0; v < height; v++) {
            int row = v * width;
            for (int u = 0; u < width; u++) {
                int from = row + u;
                int to = row + width - 1 - u;
                labelsOut[to] = labels[from];
                depthOut[to] = depth[from];
                for (int c = 0; c < 3; c++) {
                    rgbOut[c * plane + to] = rgb[c * plane + from];
                }
                float nx = normals[from];
                normalsOut[to] = nx == 0f ? 0f : -nx; // no -0.0f: invalid normals stay bit-identical zeros
                normalsOut[plane + to] = normals[plane + from];
                normalsOut[2 * plane + to] = normals[2 * plane + from];
            }
        }
        return new Frame(height, width, focal, camera, rgbOut, labelsOut, depthOut, normalsOut);
    }
}
