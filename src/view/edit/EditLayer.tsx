import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo } from 'react';
import type { Vec2 } from '../../domain/sceneSchema';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import type { Subject } from '../../store/layout/problemSubjects';
import { useEditorState } from '../../store/layout/useEditorState';
import { installEditorProbe } from './editorProbe';
import { FacilityGizmo } from './FacilityGizmo';
import { GroundClicks } from './GroundClicks';
import { LaneHandles } from './LaneHandles';
import { ProblemPins } from './ProblemPins';
import { SubjectMarkers } from './SubjectMarkers';

/** Colours of the marks: the selection as the operations view draws it, problems in alarm red. */
const SELECTION_COLOUR = '#fde047';
const PROBLEM_COLOUR = '#ef4444';

/**
 * The layout editor's layers in the 3D view (children of TwinCanvas): the gizmo on the selected facility, lane
 * node handles, the selection and every problem drawn where it is, and ground clicks for the adding tools.
 */
/** The gizmo each facility tool shows. */
const GIZMO_MODE = { move: 'translate', rotate: 'rotate', resize: 'scale' } as const;

export function EditLayer({ editor }: { editor: LayoutEditor }) {
  const scene = useEditorState(editor, (s) => s.scene);
  const selection = useEditorState(editor, (s) => s.selection);
  const problems = useEditorState(editor, (s) => s.problems);
  const tool = useEditorState(editor, (s) => s.tool);
  const edgeFrom = useEditorState(editor, (s) => s.edgeFrom);
  const camera = useThree((s) => s.camera);
  useEffect(() => installEditorProbe(editor, camera), [editor, camera]);

  const problemSubjects = useMemo(() => problems.flatMap((p) => p.subjects), [problems]);
  const selected = useMemo<Subject[]>(() => (selection ? [selection] : []), [selection]);
  const facility = selection?.kind === 'facility' ? scene.facilities.find((f) => f.id === selection.id) : undefined;

  const onGround = useCallback(
    (at: Vec2) => {
      const s = editor.getState();
      if (s.tool === 'add-node') editor.addLaneNode(at);
      else if (s.tool === 'place') editor.addFacility(s.placeKind, at);
    },
    [editor],
  );

  return (
    <group name="layout-editor">
      <LaneHandles
        editor={editor}
        nodes={scene.lanes.nodes}
        selectedId={selection?.kind === 'node' ? selection.id : undefined}
        edgeFromId={edgeFrom}
        draggable={tool === 'move' || tool === 'select'}
      />
      <SubjectMarkers scene={scene} subjects={problemSubjects} colour={PROBLEM_COLOUR} name="problem-markers" />
      <ProblemPins scene={scene} subjects={problemSubjects} colour={PROBLEM_COLOUR} />
      <SubjectMarkers scene={scene} subjects={selected} colour={SELECTION_COLOUR} name="selection-markers" />
      {facility && (tool === 'move' || tool === 'rotate' || tool === 'resize') && (
        <FacilityGizmo editor={editor} facility={facility} mode={GIZMO_MODE[tool]} />
      )}
      <GroundClicks onGround={tool === 'add-node' || tool === 'place' ? onGround : undefined} />
    </group>
  );
}
